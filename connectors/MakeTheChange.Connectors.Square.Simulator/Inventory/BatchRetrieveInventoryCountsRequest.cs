namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

internal sealed record BatchRetrieveInventoryCountsRequest
{
    public IReadOnlyList<string>? CatalogObjectIds { get; init; }

    public IReadOnlyList<string>? LocationIds { get; init; }

    public string? UpdatedAfter { get; init; }

    public string? Cursor { get; init; }

    public IReadOnlyList<string>? States { get; init; }

    public int? Limit { get; init; }
}
