namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>An item variation as the back office defines it (<c>PUT /simulator/catalog/variations/{id}</c>).</summary>
public sealed record VariationUpsert
{
    public required string Name { get; init; }

    public required string Sku { get; init; }

    /// <summary>The parent ITEM's id; one is made up when absent.</summary>
    public string? ItemId { get; init; }

    /// <summary>The price in cents of the merchant's currency; no price means <c>price_money</c> is absent.</summary>
    public long? PriceCents { get; init; }

    /// <summary>Whether Square tracks stock for it; untracked variations get no counts from till sales. Default true.</summary>
    public bool? TrackInventory { get; init; }
}
