namespace MakeTheChange.Hub.Products;

/// <summary>A catalog entry; money is in cents with its currency.</summary>
public sealed record Product(string Sku, string Name, string? Category, int? PriceCents, string? Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
