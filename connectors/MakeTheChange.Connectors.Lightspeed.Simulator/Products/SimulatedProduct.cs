using MakeTheChange.Connectors.Lightspeed.Simulator.State;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>A product held by the simulator; stock is tracked for every product, per outlet.</summary>
internal sealed record SimulatedProduct(string Id, string Sku, string Name, decimal PriceIncludingTax, decimal SupplyPrice, long Version)
{
    /// <summary>The price excluding tax, to five decimals as X-Series keeps it ("6.95652" in its samples).</summary>
    public decimal PriceExcludingTax => Amounts.Normalize(Math.Round(PriceIncludingTax / (1 + SimulatorState.TaxRate), Amounts.MaxDecimalPlaces));

    /// <summary>The tax in the retail price.</summary>
    public decimal Tax => Amounts.Normalize(PriceIncludingTax - PriceExcludingTax);

    /// <summary>X-Series handles are the name in lowercase letters and digits only ("postshavebalm" for "Post Shave Balm").</summary>
    public string Handle
    {
        get
        {
            var handle = new string([.. Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
            return handle.Length > 0 ? handle : Sku.ToLowerInvariant();
        }
    }

    public Product ToWire() => new(
        Id,
        Sku,
        Name,
        VariantName: null,
        Handle,
        HasInventory: true,
        HasVariants: false,
        IsActive: true,
        Version,
        SupplyPrice,
        PriceIncludingTax,
        PriceExcludingTax,
        DeletedAt: null);
}
