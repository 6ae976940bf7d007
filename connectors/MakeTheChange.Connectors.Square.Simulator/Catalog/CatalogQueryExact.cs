namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

internal sealed record CatalogQueryExact
{
    public string? AttributeName { get; init; }

    public string? AttributeValue { get; init; }
}
