using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>An ITEM_VARIATION held by the simulator; stock is tracked per variation (pos-apis.md §1.3).</summary>
internal sealed record SimulatedVariation(
    string Id,
    string ItemId,
    string Name,
    string Sku,
    long? PriceCents,
    bool TrackInventory,
    long Version,
    DateTimeOffset UpdatedAt)
{
    public const string ObjectType = "ITEM_VARIATION";

    public Money Price(string currency) => new(PriceCents ?? 0, currency);

    public CatalogObject ToCatalogObject(string currency) => new(
        ObjectType,
        Id,
        Version,
        Rfc3339.Format(UpdatedAt),
        IsDeleted: false,
        PresentAtAllLocations: true,
        new CatalogItemVariation(
            ItemId,
            Name,
            Sku,
            PricingType: "FIXED_PRICING",
            PriceCents is { } cents ? new Money(cents, currency) : null,
            TrackInventory,
            Sellable: true,
            Stockable: true));
}
