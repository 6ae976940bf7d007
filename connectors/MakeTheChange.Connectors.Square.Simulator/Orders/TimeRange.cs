namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record TimeRange
{
    public string? StartAt { get; init; }

    public string? EndAt { get; init; }
}
