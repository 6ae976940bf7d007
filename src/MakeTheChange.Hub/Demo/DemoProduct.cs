namespace MakeTheChange.Hub.Demo;

/// <summary>A demo product; <see cref="Partner"/> is the location of the partner who ships it, null for the heroes in micro-stock.</summary>
internal sealed record DemoProduct(string Sku, string Name, string Category, int PriceCents, string? Partner);
