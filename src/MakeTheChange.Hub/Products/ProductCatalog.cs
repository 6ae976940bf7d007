using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Products;

/// <summary>Products, in the <c>products</c> table. Rarely written, so plain SQL rather than a grain.</summary>
public sealed class ProductCatalog(NpgsqlDataSource dataSource)
{
    private const string Columns = "sku, name, category, price_cents, currency, created_at, updated_at";

    public async Task<Product> UpsertAsync(string sku, string name, string? category, int? priceCents, string? currency, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO products (sku, name, category, price_cents, currency) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (sku) DO UPDATE
            SET name = excluded.name, category = excluded.category, price_cents = excluded.price_cents, currency = excluded.currency,
                updated_at = CASE
                    WHEN (products.name, products.category, products.price_cents, products.currency)
                        IS NOT DISTINCT FROM (excluded.name, excluded.category, excluded.price_cents, excluded.currency)
                    THEN products.updated_at ELSE now() END
            RETURNING {Columns}
            """);
        command.Parameters.AddTyped(sku).AddTyped(name).AddTyped(category).AddTyped(priceCents).AddTyped(currency);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<Product?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products WHERE sku = $1");
        command.Parameters.AddTyped(sku);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Products ordered by SKU, after <paramref name="afterSku"/>.</summary>
    public async Task<List<Product>> ListAsync(string? afterSku, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products WHERE sku > $1 ORDER BY sku LIMIT $2");
        command.Parameters.AddTyped(afterSku ?? string.Empty).AddTyped(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var products = new List<Product>();
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(Read(reader));
        }

        return products;
    }

    private static Product Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetInt32(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6));
}
