using MakeTheChange.Grains;
using MakeTheChange.Hub.Stock;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// The queue of hub stock changes to push, in <c>pos_pushes</c>. A change is queued for every connection
/// that maps its location, except the connection it came from (no echo).
/// </summary>
public sealed class PosPushes(NpgsqlDataSource dataSource)
{
    public const int MaxBatchSize = 100;

    internal WakeSignal Queued { get; } = new();

    /// <summary>
    /// <paramref name="ledgerInsert"/> (an insert into <c>stock_movements</c>) made to also queue, in the
    /// same statement and so the same transaction, a push of every change of on hand it records, for
    /// each connection that maps the change's location except the one the change came from (no echo).
    /// Queued with the movement itself, a push can be neither lost nor queued twice, and the ledger row's
    /// columns are sent once. Run in grain storage's write transactions, so the connections are reached
    /// by one index probe per row (Grains/Persistence/GenericPlans.cs).
    /// </summary>
    public static string QueuedWithLedgerInsert(string ledgerInsert) =>
        $"""
        WITH ledger AS (
            {ledgerInsert}
            RETURNING location_id, sku, seq, movement_id, kind, on_hand_delta, on_hand_after, occurred_at, source
        )
        INSERT INTO pos_pushes (connection_id, location_id, sku, seq, movement_id, kind, on_hand_delta, on_hand_after, occurred_at)
        SELECT m.connection_id, c.location_id, c.sku, c.seq, c.movement_id, c.kind, c.on_hand_delta, c.on_hand_after, c.occurred_at
        FROM ledger c
        CROSS JOIN LATERAL (
            SELECT m.connection_id FROM pos_location_map m JOIN pos_connections p ON p.connection_id = m.connection_id
            WHERE m.location_id = c.location_id AND c.source <> p.kind || ':' || p.connection_id
            OFFSET 0) m
        WHERE c.on_hand_delta <> 0
        """;

    /// <summary>Connections with pushes due now.</summary>
    public async Task<List<string>> ConnectionsWithWorkAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT DISTINCT connection_id FROM pos_pushes
            WHERE pushed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
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
    /// Takes the next batch of a connection under a lease: a batch already tried and due again, as it
    /// was; else a new batch of the oldest pending changes, whose key and time are fixed from now on.
    /// </summary>
    public async Task<PushBatch?> TakeBatchAsync(string connectionId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH retry AS (
                SELECT batch_key FROM pos_pushes
                WHERE connection_id = $1 AND batch_key IS NOT NULL AND pushed_at IS NULL AND parked_at IS NULL
                  AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
                ORDER BY id LIMIT 1),
            fresh AS (
                SELECT id FROM pos_pushes
                WHERE connection_id = $1 AND batch_key IS NULL AND pushed_at IS NULL AND parked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM retry)
                ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED),
            taken AS (
                UPDATE pos_pushes p
                SET batch_key = coalesce(p.batch_key, $4), batch_formed_at = coalesce(p.batch_formed_at, now()),
                    leased_until = now() + $2, attempts = p.attempts + 1
                WHERE p.connection_id = $1 AND p.pushed_at IS NULL AND p.parked_at IS NULL
                  AND (p.leased_until IS NULL OR p.leased_until < now())
                  AND (p.batch_key = (SELECT batch_key FROM retry) OR p.id IN (SELECT id FROM fresh))
                RETURNING p.id, p.location_id, p.sku, p.seq, p.movement_id, p.kind, p.on_hand_delta, p.on_hand_after, p.occurred_at,
                          p.batch_key, p.batch_formed_at, p.attempts)
            SELECT * FROM taken ORDER BY id
            """);
        command.Parameters.AddTyped(connectionId).AddTyped(lease).AddTyped(MaxBatchSize).AddTyped($"{connectionId}-{Guid.NewGuid():N}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pushes = new List<PendingPush>();
        string? key = null;
        DateTimeOffset formedAt = default;
        var attempts = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            pushes.Add(new PendingPush(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
            key = reader.GetString(9);
            formedAt = reader.GetFieldValue<DateTimeOffset>(10);
            attempts = Math.Max(attempts, reader.GetInt32(11));
        }

        return key is null ? null : new PushBatch(key, formedAt, attempts, pushes);
    }

    public async Task CompleteAsync(IReadOnlyList<PushOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE pos_pushes p
            SET pushed_at = CASE WHEN o.reason IS NULL THEN now() END,
                parked_at = CASE WHEN o.reason IS NOT NULL THEN now() END,
                last_error = o.reason, leased_until = NULL
            FROM unnest($1::bigint[], $2::text[]) AS o(id, reason)
            WHERE p.id = o.id
            """);
        command.Parameters.AddTyped(outcomes.Select(o => o.PushId).ToArray()).AddTyped(outcomes.Select(o => o.ParkedBecause).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailAsync(string batchKey, string error, TimeSpan retryIn, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE pos_pushes SET leased_until = NULL, last_error = $2, next_attempt_at = now() + $3 WHERE batch_key = $1 AND pushed_at IS NULL AND parked_at IS NULL");
        command.Parameters.AddTyped(batchKey).AddTyped(error).AddTyped(retryIn);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What is still to push per SKU and location (for reconciliation: the POS has not seen it yet).</summary>
    public async Task<Dictionary<(string Sku, string LocationId), int>> PendingDeltasAsync(string connectionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT sku, location_id, sum(on_hand_delta)::int FROM pos_pushes
            WHERE connection_id = $1 AND pushed_at IS NULL AND parked_at IS NULL
            GROUP BY sku, location_id
            """);
        command.Parameters.AddTyped(connectionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new Dictionary<(string, string), int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return pending;
    }
}
