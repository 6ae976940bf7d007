using Npgsql;

namespace MakeTheChange.Grains.Persistence;

/// <summary>
/// Grain storage runs the same few keyed statements all the time. Planned at every execution (the
/// hub's connections default to custom plans), planning was a quarter of PostgreSQL's CPU per stock
/// movement, most of it copying the statements' arrays into the plan (docs/performance.md). Inside
/// the write and read transactions of grain storage, statements take the plan made at their first
/// execution on the connection instead.
/// <para>
/// A generic plan is made once and kept, whatever the size of the tables then: made while a table
/// held a few rows, it would scan that table, and keep scanning it once it holds millions. So these
/// transactions also rule out sequential scans, and every statement run in them reaches a table's rows
/// through a <c>LATERAL (... OFFSET 0)</c> subquery per key, which the planner cannot turn into a hash
/// join over the whole table: each key is one index probe, at any size.
/// </para>
/// </summary>
public static class GenericPlans
{
    private static readonly string[] Settings =
    [
        "SET LOCAL plan_cache_mode = force_generic_plan",
        "SET LOCAL enable_seqscan = off",
    ];

    /// <summary>Adds the settings above to a batch, before its other statements.</summary>
    public static void AddTo(NpgsqlBatch batch)
    {
        foreach (var setting in Settings)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setting));
        }
    }

    /// <summary>
    /// Runs <paramref name="statements"/> (reads of grain states) in one round trip under the settings
    /// above, in a transaction that scopes them; <paramref name="read"/> reads their result sets.
    /// </summary>
    public static async Task ReadAsync(
        NpgsqlDataSource dataSource,
        IEnumerable<NpgsqlBatchCommand> statements,
        Func<NpgsqlDataReader, CancellationToken, Task> read,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            AddTo(batch);
            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(statement);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await read(reader, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal static void AddTo(WriteBatch batch)
    {
        foreach (var setting in Settings)
        {
            batch.Add(setting);
        }
    }
}
