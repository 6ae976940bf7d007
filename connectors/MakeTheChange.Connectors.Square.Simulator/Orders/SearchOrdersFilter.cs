namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersFilter
{
    public SearchOrdersStateFilter? StateFilter { get; init; }

    public SearchOrdersDateTimeFilter? DateTimeFilter { get; init; }
}
