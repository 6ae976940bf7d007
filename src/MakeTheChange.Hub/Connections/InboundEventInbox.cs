using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Webhook events stored before they are answered (nothing acknowledged is lost), deduplicated on the
/// vendor's event id, then taken by <see cref="InboundEventWorker"/>, a connection at a time, under a lease.
/// </summary>
public sealed class InboundEventInbox(NpgsqlDataSource dataSource)
{
    /// <summary>Called with the connection id when an event was stored on this node, so that its connection's worker starts at once.</summary>
    internal Action<string>? Stored { get; set; }

    /// <summary>Stores an event; false when this event id was already stored (a duplicate delivery).</summary>
    public async Task<bool> StoreAsync(string connectionId, string eventId, string eventType, string payload, CancellationToken cancellationToken)
    {
        // last_event_at is written at most once a second: every webhook updating the connection's row would
        // queue them all behind its row lock, a commit at a time (hundreds of webhooks a second in a storm).
        await using var command = dataSource.CreateCommand(
            """
            WITH stored AS (
                INSERT INTO pos_inbound_events (connection_id, event_id, event_type, payload) VALUES ($1, $2, $3, $4)
                ON CONFLICT (connection_id, event_id) DO NOTHING
                RETURNING id),
            heard AS (
                UPDATE pos_connections SET last_event_at = now()
                WHERE connection_id = $1 AND (last_event_at IS NULL OR last_event_at < now() - interval '1 second'))
            SELECT count(*) FROM stored
            """);
        command.Parameters.AddTyped(connectionId).AddTyped(eventId).AddTyped(eventType).AddTyped(payload);
        var stored = (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        if (stored)
        {
            Stored?.Invoke(connectionId);
        }

        return stored;
    }

    /// <summary>The connections with events due now that no one holds.</summary>
    public async Task<List<string>> ConnectionsWithDueEventsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT DISTINCT connection_id FROM pos_inbound_events
            WHERE processed_at IS NULL AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var connections = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            connections.Add(reader.GetString(0));
        }

        return connections;
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> of the connection's events due now, for <paramref name="lease"/>: the
    /// longest due first, which for events not retried or deferred is the order they arrived in.
    /// </summary>
    public async Task<List<InboundEvent>> TakeAsync(string connectionId, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Ordered as the pending index is (next_attempt_at, over unprocessed rows only): ordered by id, the
        // planner may walk the primary key through every event ever processed, slower the more there are.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE pos_inbound_events e SET leased_until = now() + $3, attempts = e.attempts + 1
            FROM (SELECT id FROM pos_inbound_events
                  WHERE connection_id = $1 AND processed_at IS NULL AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
                  ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
            WHERE e.id = due.id
            RETURNING e.id, e.connection_id, e.event_id, e.event_type, e.payload, e.received_at, e.attempts
            """);
        command.Parameters.AddTyped(connectionId).AddTyped(limit).AddTyped(lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<InboundEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new InboundEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetInt32(6)));
        }

        return events.OrderBy(e => e.Id).ToList();
    }

    public async Task MarkProcessedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE pos_inbound_events SET processed_at = now(), leased_until = NULL, last_error = NULL WHERE id = ANY($1)");
        command.Parameters.AddTyped(ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives events back, due again after <paramref name="wait"/>; the attempt that took them does not count.</summary>
    public async Task DeferAsync(IReadOnlyCollection<long> ids, TimeSpan wait, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE pos_inbound_events SET leased_until = NULL, attempts = greatest(attempts - 1, 0), next_attempt_at = now() + $2 WHERE id = ANY($1)");
        command.Parameters.AddTyped(ids.ToArray()).AddTyped(wait);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives failed events back with their error, each due again after its own delay, in one round trip.</summary>
    public async Task MarkFailedAsync(IReadOnlyList<(long Id, string Error, TimeSpan RetryIn)> failures, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE pos_inbound_events e SET leased_until = NULL, last_error = f.error, next_attempt_at = now() + f.retry_in
            FROM unnest($1::bigint[], $2::text[], $3::interval[]) AS f(id, error, retry_in)
            WHERE e.id = f.id
            """);
        command.Parameters
            .AddTyped(failures.Select(failure => failure.Id).ToArray())
            .AddTyped(failures.Select(failure => failure.Error).ToArray())
            .AddTyped(failures.Select(failure => failure.RetryIn).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
