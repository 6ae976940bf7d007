using MakeTheChange.Grains;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Webhook events stored before they are answered (nothing acknowledged is lost), deduplicated on the
/// vendor's event id, then taken by <see cref="InboundEventWorker"/> under a lease.
/// </summary>
public sealed class InboundEventInbox(NpgsqlDataSource dataSource)
{
    /// <summary>Woken when an event was stored on this node, so the worker starts at once.</summary>
    internal WakeSignal Arrived { get; } = new();

    /// <summary>Stores an event; false when this event id was already stored (a duplicate delivery).</summary>
    public async Task<bool> StoreAsync(string connectionId, string eventId, string eventType, string payload, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH stored AS (
                INSERT INTO pos_inbound_events (connection_id, event_id, event_type, payload) VALUES ($1, $2, $3, $4)
                ON CONFLICT (connection_id, event_id) DO NOTHING
                RETURNING id),
            heard AS (UPDATE pos_connections SET last_event_at = now() WHERE connection_id = $1)
            SELECT count(*) FROM stored
            """);
        command.Parameters.AddTyped(connectionId).AddTyped(eventId).AddTyped(eventType).AddTyped(payload);
        var stored = (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        if (stored)
        {
            Arrived.Wake();
        }

        return stored;
    }

    /// <summary>Takes up to <paramref name="limit"/> events due now, oldest first, for <paramref name="lease"/>.</summary>
    public async Task<List<InboundEvent>> TakeAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE pos_inbound_events e SET leased_until = now() + $2, attempts = e.attempts + 1
            FROM (SELECT id FROM pos_inbound_events
                  WHERE processed_at IS NULL AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
                  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE e.id = due.id
            RETURNING e.id, e.connection_id, e.event_id, e.event_type, e.payload, e.received_at, e.attempts
            """);
        command.Parameters.AddTyped(limit).AddTyped(lease);
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

    public async Task MarkProcessedAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE pos_inbound_events SET processed_at = now(), leased_until = NULL, last_error = NULL WHERE id = $1");
        command.Parameters.AddTyped(id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long id, string error, TimeSpan retryIn, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE pos_inbound_events SET leased_until = NULL, last_error = $2, next_attempt_at = now() + $3 WHERE id = $1");
        command.Parameters.AddTyped(id).AddTyped(error).AddTyped(retryIn);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
