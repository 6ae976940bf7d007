using MakeTheChange.Grains.Persistence;
using Npgsql;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>
/// Stores the test grain like the hub stores its own: a versioned row, first written with an insert
/// that conflicts like any other write, and a journal of calls whose transaction id (xmin) tells which
/// calls were committed together.
/// </summary>
internal sealed class CounterStorage(NpgsqlDataSource dataSource) : IGrainStorage<CounterState>
{
    public const string Schema =
        """
        CREATE TABLE IF NOT EXISTS test_counters (counter_id text PRIMARY KEY, value bigint NOT NULL, call_count bigint NOT NULL, version bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS test_counter_calls (counter_id text NOT NULL, seq bigint NOT NULL, call_id text NOT NULL, PRIMARY KEY (counter_id, seq));
        """;

    public async Task<CounterState> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value, call_count, version FROM test_counters WHERE counter_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CounterState(key) { Value = reader.GetInt64(0), CallCount = reader.GetInt64(1), Version = reader.GetInt64(2) }
            : new CounterState(key);
    }

    public void AppendWrites(WriteBatch batch, IReadOnlyList<GrainWrite<CounterState>> writes)
    {
        var byId = writes.ToDictionary(write => write.Next.CounterId, StringComparer.Ordinal);
        var rows = batch.Add(
            """
            INSERT INTO test_counters AS c (counter_id, value, call_count, version)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[])
            ON CONFLICT (counter_id) DO UPDATE SET value = excluded.value, call_count = excluded.call_count, version = excluded.version
            WHERE c.version = excluded.version - 1
            RETURNING c.counter_id
            """,
            async (reader, cancellationToken) =>
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    byId[reader.GetString(0)].Confirm();
                }
            });
        rows.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. writes.Select(w => w.Next.CounterId)] });
        rows.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. writes.Select(w => w.Next.Value)] });
        rows.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. writes.Select(w => w.Next.CallCount)] });
        rows.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. writes.Select(w => w.NewVersion)] });

        var calls = writes.SelectMany(write => write.Next.UnsavedCalls.Select((callId, index) =>
            (write.Next.CounterId, Seq: write.Next.CallCount - write.Next.UnsavedCalls.Count + index + 1, callId))).ToList();
        if (calls.Count == 0)
        {
            return;
        }

        var journal = batch.Add(
            """
            INSERT INTO test_counter_calls (counter_id, seq, call_id) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
            ON CONFLICT DO NOTHING
            """);
        journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. calls.Select(call => call.CounterId)] });
        journal.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. calls.Select(call => call.Seq)] });
        journal.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. calls.Select(call => call.callId)] });
    }
}
