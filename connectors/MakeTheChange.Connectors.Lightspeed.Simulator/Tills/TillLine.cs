namespace MakeTheChange.Connectors.Lightspeed.Simulator.Tills;

/// <summary>A line rung up at the till: a product by id or by SKU (exact match), and how many; negative for units returned.</summary>
public sealed record TillLine
{
    public string? ProductId { get; init; }

    public string? Sku { get; init; }

    public decimal Quantity { get; init; }
}
