namespace MakeTheChange.Hub.Products;

public sealed record ProductResponse(string Sku, string Name, string? Category, int? PriceCents, string? Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductResponse Of(Product product) =>
        new(product.Sku, product.Name, product.Category, product.PriceCents, product.Currency, product.CreatedAt, product.UpdatedAt);
}
