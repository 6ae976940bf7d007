namespace MakeTheChange.Connectors.Square.Simulator.Tills;

/// <summary>A line rung up at the till: a variation by id or by SKU (exact match), and how many.</summary>
public sealed record TillLine
{
    public string? VariationId { get; init; }

    public string? Sku { get; init; }

    public decimal Quantity { get; init; }
}
