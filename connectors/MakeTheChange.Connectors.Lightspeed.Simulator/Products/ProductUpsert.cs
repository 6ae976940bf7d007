namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>A product as the back office defines it (<c>PUT /simulator/products/{id}</c>). Each variant is its own product in X-Series.</summary>
public sealed record ProductUpsert
{
    /// <summary>Unique in the store, as X-Series requires; matched exactly by <c>GET /api/2.0/products?sku=</c>.</summary>
    public required string Sku { get; init; }

    public required string Name { get; init; }

    /// <summary>The retail price including tax; default 0.</summary>
    public decimal? Price { get; init; }

    /// <summary>The supply (cost) price excluding tax; default 0.</summary>
    public decimal? SupplyPrice { get; init; }
}
