using System.Text.RegularExpressions;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Hub.Stock;
using MakeTheChange.Hub.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Stock;

/// <summary>
/// Stock storage keeps one plan per statement and connection (GenericPlans). A plan made while the
/// tables held a handful of rows must still reach rows by index, key by key: a scan of a table, or a
/// hash join over one, would stay in the plan once the table holds millions of rows.
/// </summary>
public sealed partial class StockStoragePlanTests
{
    private static readonly string[] Statements =
    [
        StockStorage.ReadLevelsSql,
        StockStorage.ReadLotsSql,
        StockStorage.ReadHoldsSql,
        StockStorage.DeleteLotsSql,
        StockStorage.DeleteHoldsSql,
    ];

    [Fact]
    public async Task Plans_made_over_nearly_empty_tables_probe_an_index_per_key()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("plan-store", "PLAN-1");
        await hub.Client.ReceiveAsync("PLAN-1", "plan-store", 3);
        await Sql.ExecuteAsync(hub.ConnectionString, "ANALYZE");

        foreach (var sql in Statements)
        {
            var plan = await GenericPlanAsync(hub.ConnectionString, sql);

            plan.ShouldNotContain("Seq Scan", customMessage: plan);
            plan.ShouldNotContain("Hash", customMessage: plan);
            plan.ShouldNotContain("Merge", customMessage: plan);
            plan.ShouldContain("Index", customMessage: plan);
        }
    }

    /// <summary>The plan the statement gets inside a grain storage transaction, as EXPLAIN prints it.</summary>
    private static async Task<string> GenericPlanAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            GenericPlans.AddTo(batch);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"PREPARE probed AS {sql}"));
            await batch.ExecuteNonQueryAsync();
        }

        var parameters = Parameter().Matches(sql).Select(match => match.Value).Distinct(StringComparer.Ordinal).Count();
        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE probed({string.Join(", ", Enumerable.Repeat("'{x}'", parameters))})", connection, transaction);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\$\d+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Parameter();
}
