namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

internal sealed record BatchRetrieveCatalogObjectsResponse(IReadOnlyList<CatalogObject>? Objects);
