namespace MakeTheChange.Hub.Products;

/// <summary>Body of <c>PUT /api/products/{sku}</c>.</summary>
public sealed record ProductRequest(string? Name, string? Category, int? PriceCents, string? Currency);
