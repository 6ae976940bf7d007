namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>A product in the 2.0 shape (pos-apis.md §2.2), trimmed to what the hub reads.</summary>
internal sealed record Product(
    string Id,
    string Sku,
    string Name,
    string? VariantName,
    string Handle,
    bool HasInventory,
    bool HasVariants,
    bool IsActive,
    long Version,
    decimal SupplyPrice,
    decimal PriceIncludingTax,
    decimal PriceExcludingTax,
    string? DeletedAt);
