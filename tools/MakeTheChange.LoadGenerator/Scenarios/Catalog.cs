using System.Globalization;
using System.Net.Http.Json;
using MakeTheChange.LoadGenerator.Servers;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>
/// Locations × SKUs, written straight into the target's tables (the hub's catalog; the baseline's stock
/// rows, which its UPDATE needs), and stock received through the HTTP API where a scenario needs some.
/// </summary>
internal sealed record Catalog(int Locations, int Skus)
{
    public static string Location(int index) => $"loc-{index.ToString("000", CultureInfo.InvariantCulture)}";

    public static string Sku(int index) => $"SKU-{index.ToString("00000", CultureInfo.InvariantCulture)}";

    public (string Sku, string Location) RandomKey(Random random) => (Sku(random.Next(Skus)), Location(random.Next(Locations)));

    public async Task SeedAsync(ServerUnderTest target, CancellationToken cancellationToken)
    {
        if (target.Kind == TargetKind.Hub)
        {
            await ExecuteAsync(
                target.Database,
                """
                INSERT INTO locations (location_id, name, kind, click_and_collect)
                SELECT 'loc-' || lpad(i::text, 3, '0'), 'Store ' || i, 'store', true FROM generate_series(0, $1 - 1) AS i;
                """,
                Locations,
                cancellationToken);
            await ExecuteAsync(
                target.Database,
                "INSERT INTO products (sku, name) SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i FROM generate_series(0, $1 - 1) AS i",
                Skus,
                cancellationToken);
            return;
        }

        await using var command = target.Database.CreateCommand(
            """
            INSERT INTO baseline_stock (location_id, sku, on_hand, held, version, updated_at)
            SELECT 'loc-' || lpad(l::text, 3, '0'), 'SKU-' || lpad(s::text, 5, '0'), 0, 0, 0, now()
            FROM generate_series(0, $1 - 1) AS l, generate_series(0, $2 - 1) AS s
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Locations });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Skus });
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Receives <paramref name="quantity"/> units of each key through the API, as a store would.</summary>
    public static async Task ReceiveAsync(ServerUnderTest target, IEnumerable<(string Sku, string Location)> keys, int quantity, CancellationToken cancellationToken)
    {
        var client = target.Nodes[0].Client;
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (key, token) =>
        {
            using var response = await client.PostAsJsonAsync(
                new Uri($"/api/stock/{key.Sku}/{key.Location}/movements", UriKind.Relative),
                new { movementId = $"seed-{key.Sku}-{key.Location}", kind = "receipt", quantity },
                token);
            response.EnsureSuccessStatusCode();
        });
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, int count, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
