namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

internal sealed record BatchRetrieveCatalogObjectsRequest
{
    public IReadOnlyList<string>? ObjectIds { get; init; }
}
