using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>Square's <c>item_variation_data</c>.</summary>
internal sealed record CatalogItemVariation(
    string ItemId,
    string Name,
    string Sku,
    string PricingType,
    Money? PriceMoney,
    bool TrackInventory,
    bool Sellable,
    bool Stockable);
