namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>A catalog query; only <c>exact_query</c> is simulated.</summary>
internal sealed record CatalogQuery
{
    public CatalogQueryExact? ExactQuery { get; init; }
}
