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

    internal static void AddTo(WriteBatch batch)
    {
        foreach (var setting in Settings)
        {
            batch.Add(setting);
        }
    }
}
