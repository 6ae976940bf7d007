namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersRequest
{
    public IReadOnlyList<string>? LocationIds { get; init; }

    public string? Cursor { get; init; }

    public SearchOrdersQuery? Query { get; init; }

    public int? Limit { get; init; }

    public bool? ReturnEntries { get; init; }
}
