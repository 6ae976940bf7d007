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

    /// <summary>Keys starting with this cannot be read: the storage throws, as for a malformed key.</summary>
    public const string UnreadablePrefix = "unreadable";

    private int _reads;

    /// <summary>How long each read takes before it goes to the database, so that reads pile up behind it.</summary>
    public TimeSpan ReadDelay { get; set; }

    /// <summary>Called with each written counter once its write transaction has committed (<see cref="WriteBatch.AfterCommit"/>).</summary>
    public Action<string>? Committed { get; set; }

    /// <summary>How many times states were read (each read may load several grains).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public async Task<IReadOnlyList<CounterState>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        await Task.Delay(ReadDelay, cancellationToken);
        if (keys.Any(key => key.StartsWith(UnreadablePrefix, StringComparison.Ordinal)))
        {
            throw new FormatException($"These keys cannot be read: {string.Join(", ", keys)}.");
        }

        await using var command = dataSource.CreateCommand(
            "SELECT k.i, c.value, c.call_count, c.version FROM unnest($1::text[]) WITH ORDINALITY AS k(counter_id, i) JOIN test_counters c ON c.counter_id = k.counter_id");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = keys.Select(key => new CounterState(key)).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var i = (int)reader.GetInt64(0) - 1;
            states[i] = states[i] with { Value = reader.GetInt64(1), CallCount = reader.GetInt64(2), Version = reader.GetInt64(3) };
        }

        return states;
    }

    public void AppendWrites(WriteBatch batch, IReadOnlyList<GrainWrite<CounterState>> writes)
    {
        batch.AfterCommit(() =>
        {
            foreach (var write in writes)
            {
                Committed?.Invoke(write.Next.CounterId);
            }
        });
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
