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

    /// <summary>
    /// Both targets start from the same data: every SKU at every location has a stock row at zero (a
    /// retailer's stock table holds every reference it ever stocked), and the tables are analyzed, as a
    /// running database's would be.
    /// </summary>
    public async Task SeedAsync(ServerUnderTest target, CancellationToken cancellationToken)
    {
        string[] statements = target.Kind == TargetKind.Hub
            ?
            [
                """
                INSERT INTO locations (location_id, name, kind, click_and_collect)
                SELECT 'loc-' || lpad(i::text, 3, '0'), 'Store ' || i, 'store', true FROM generate_series(0, $1 - 1) AS i
                """,
                "INSERT INTO products (sku, name) SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i FROM generate_series(0, $2 - 1) AS i",
                """
                INSERT INTO stock_levels (location_id, sku, on_hand, held, safety_stock, last_seq, version, updated_at)
                SELECT l.location_id, p.sku, 0, 0, 0, 0, 1, now() FROM locations l CROSS JOIN products p
                """,
            ]
            :
            [
                """
                INSERT INTO baseline_stock (location_id, sku, on_hand, held, version, updated_at)
                SELECT 'loc-' || lpad(l::text, 3, '0'), 'SKU-' || lpad(s::text, 5, '0'), 0, 0, 0, now()
                FROM generate_series(0, $1 - 1) AS l, generate_series(0, $2 - 1) AS s
                """,
            ];
        await using (var batch = target.Database.CreateBatch())
        {
            foreach (var sql in statements)
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Locations });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Skus });
                batch.BatchCommands.Add(command);
            }

            batch.Timeout = 1800;
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var analyze = target.Database.CreateCommand("ANALYZE");
        analyze.CommandTimeout = 1800;
        await analyze.ExecuteNonQueryAsync(cancellationToken);
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
}
