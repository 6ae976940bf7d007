namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersQuery
{
    public SearchOrdersFilter? Filter { get; init; }

    public SearchOrdersSort? Sort { get; init; }
}
