namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record BatchRetrieveOrdersRequest
{
    public string? LocationId { get; init; }

    public IReadOnlyList<string>? OrderIds { get; init; }
}
