using MakeTheChange.LoadGenerator.Servers;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>
/// What must hold after movements, read from the target's own tables: every level equals its ledger
/// replayed, and every acknowledged movement is in the ledger exactly once (and nothing never sent is).
/// </summary>
internal static class LedgerChecks
{
    public static async Task<IReadOnlyList<InvariantCheck>> CheckAsync(
        TargetKind target,
        NpgsqlDataSource database,
        string runId,
        IReadOnlyCollection<string> acknowledged,
        long sent,
        CancellationToken cancellationToken)
    {
        var (levelsSql, idsSql, duplicatesSql) = target == TargetKind.Hub
            ? ("""
               SELECT count(*) FROM stock_levels l
               LEFT JOIN (SELECT location_id, sku, sum(on_hand_delta) AS on_hand, sum(held_delta) AS held FROM stock_movements GROUP BY 1, 2) m
               USING (location_id, sku)
               WHERE l.on_hand <> coalesce(m.on_hand, 0) OR l.held <> coalesce(m.held, 0)
               """,
               "SELECT movement_id FROM stock_movements WHERE movement_id LIKE $1",
               "SELECT count(*) FROM (SELECT movement_id FROM stock_movements WHERE movement_id LIKE $1 GROUP BY 1 HAVING count(*) > 1) d")
            : ("""
               SELECT count(*) FROM baseline_stock l
               LEFT JOIN (SELECT location_id, sku, sum(CASE WHEN kind IN ('sale', 'damage') THEN -quantity ELSE quantity END) AS on_hand FROM baseline_movements GROUP BY 1, 2) m
               USING (location_id, sku)
               WHERE l.on_hand <> coalesce(m.on_hand, 0)
               """,
               "SELECT movement_id FROM baseline_movements WHERE movement_id LIKE $1",
               "SELECT count(*) FROM (SELECT movement_id FROM baseline_movements WHERE movement_id LIKE $1 GROUP BY 1 HAVING count(*) > 1) d");

        var pattern = runId + "-%";
        var mismatched = await ScalarAsync(database, levelsSql, null, cancellationToken);
        var duplicated = await ScalarAsync(database, duplicatesSql, pattern, cancellationToken);
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand(idsSql))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pattern });
            command.CommandTimeout = 600;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded.Add(reader.GetString(0));
            }
        }

        var missing = acknowledged.Count(id => !recorded.Contains(id));
        return
        [
            new("level = ledger replayed", mismatched == 0, $"{mismatched} levels differ from their ledger"),
            new("acknowledged movements applied", missing == 0, $"{acknowledged.Count} acknowledged, {missing} missing from the ledger"),
            new("applied at most once", duplicated == 0 && recorded.Count <= sent, $"{duplicated} ids twice; {recorded.Count} in the ledger of {sent} sent"),
        ];
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql, string? pattern, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 600;
        if (pattern is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pattern });
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
