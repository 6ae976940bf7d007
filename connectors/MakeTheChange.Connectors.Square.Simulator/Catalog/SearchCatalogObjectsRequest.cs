namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>The subset of <c>POST /v2/catalog/search</c> the simulator reads.</summary>
internal sealed record SearchCatalogObjectsRequest
{
    public IReadOnlyList<string>? ObjectTypes { get; init; }

    public CatalogQuery? Query { get; init; }

    public string? Cursor { get; init; }

    public int? Limit { get; init; }
}
