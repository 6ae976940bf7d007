namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

internal sealed record SearchCatalogObjectsResponse(IReadOnlyList<CatalogObject>? Objects, string? Cursor, string? LatestTime);
