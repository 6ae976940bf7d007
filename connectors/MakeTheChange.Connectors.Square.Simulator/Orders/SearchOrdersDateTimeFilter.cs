namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersDateTimeFilter
{
    public TimeRange? CreatedAt { get; init; }

    public TimeRange? UpdatedAt { get; init; }

    public TimeRange? ClosedAt { get; init; }
}
