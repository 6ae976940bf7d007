using System.Collections.Concurrent;
using System.Text.Json;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// POS connections in <c>pos_connections</c> and their maps. Lookups are cached for a moment: webhooks
/// and workers read a connection far more often than anyone changes it.
/// </summary>
public sealed class PosConnectionStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (PosConnection? Connection, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    public async Task<PosConnection> UpsertAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);

        // Cursors and learnt item ids belong to one POS account: a connection pointed elsewhere starts
        // over from where the new POS stands, or its version cursors would skip the new store's sales.
        await using (var forget = new NpgsqlCommand(
            """
            WITH repointed AS (
                SELECT connection_id FROM pos_connections
                WHERE connection_id = $1 AND (base_url <> $2 OR kind <> $3)
                FOR UPDATE
            ), cursors AS (
                DELETE FROM pos_cursors WHERE connection_id IN (SELECT connection_id FROM repointed)
            )
            DELETE FROM pos_item_map WHERE connection_id IN (SELECT connection_id FROM repointed)
            """,
            db,
            transaction))
        {
            forget.Parameters.AddTyped(connection.ConnectionId).AddTyped(connection.BaseUrl.ToString()).AddTyped(connection.Kind);
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = new NpgsqlCommand(
            """
            INSERT INTO pos_connections (connection_id, kind, base_url, access_token, webhook_signature_key, notification_url, settings)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
            ON CONFLICT (connection_id) DO UPDATE
            SET kind = excluded.kind, base_url = excluded.base_url, access_token = excluded.access_token,
                webhook_signature_key = excluded.webhook_signature_key, notification_url = excluded.notification_url,
                settings = excluded.settings, updated_at = now()
            """,
            db,
            transaction))
        {
            upsert.Parameters.AddTyped(connection.ConnectionId).AddTyped(connection.Kind).AddTyped(connection.BaseUrl.ToString())
                .AddTyped(connection.AccessToken).AddTyped(connection.WebhookSignatureKey).AddTyped(connection.NotificationUrl.ToString())
                .AddTyped(connection.Settings.GetRawText());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var replace = new NpgsqlCommand(
            """
            DELETE FROM pos_location_map WHERE connection_id = $1;
            """,
            db,
            transaction))
        {
            replace.Parameters.AddTyped(connection.ConnectionId);
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var map = new NpgsqlCommand(
            "INSERT INTO pos_location_map (connection_id, external_location_id, location_id) SELECT $1, * FROM unnest($2::text[], $3::text[])",
            db,
            transaction))
        {
            map.Parameters.AddTyped(connection.ConnectionId).AddTyped(connection.Locations.Keys.ToArray()).AddTyped(connection.Locations.Values.ToArray());
            await map.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _cache.TryRemove(connection.ConnectionId, out _);
        return (await FindAsync(connection.ConnectionId, cancellationToken))!;
    }

    public async Task<PosConnection?> FindAsync(string connectionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(connectionId, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Connection;
        }

        var connections = await ReadAsync("WHERE c.connection_id = $1", connectionId, cancellationToken);
        var found = connections.FirstOrDefault();
        _cache[connectionId] = (found, now);
        return found;
    }

    public Task<List<PosConnection>> ListAsync(CancellationToken cancellationToken) => ReadAsync(string.Empty, null, cancellationToken);

    public Task RecordPushAsync(string connectionId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE pos_connections SET last_push_at = now() WHERE connection_id = $1", cancellationToken, connectionId);

    public Task RecordPollAsync(string connectionId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE pos_connections SET last_poll_at = now() WHERE connection_id = $1", cancellationToken, connectionId);

    public Task RecordReconciledAsync(string connectionId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE pos_connections SET last_reconciled_at = now() WHERE connection_id = $1", cancellationToken, connectionId);

    /// <summary>Keeps the last failure for the health report; the text must hold no secret.</summary>
    public Task RecordErrorAsync(string connectionId, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE pos_connections SET last_error = $2, last_error_at = now() WHERE connection_id = $1", cancellationToken, connectionId, error);

    public Task<string?> GetCursorAsync(string connectionId, string name, CancellationToken cancellationToken) =>
        TextAsync("SELECT value FROM pos_cursors WHERE connection_id = $1 AND name = $2", cancellationToken, connectionId, name);

    public Task SetCursorAsync(string connectionId, string name, string value, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO pos_cursors (connection_id, name, value) VALUES ($1, $2, $3)
            ON CONFLICT (connection_id, name) DO UPDATE SET value = excluded.value, updated_at = now()
            """,
            cancellationToken,
            connectionId,
            name,
            value);

    /// <summary>The cursors of these names that exist, by name: one round trip for many marks.</summary>
    public Task<Dictionary<string, string>> GetCursorsAsync(string connectionId, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        PairsAsync("SELECT name, value FROM pos_cursors WHERE connection_id = $1 AND name = ANY($2)", connectionId, names, cancellationToken);

    public async Task SetCursorsAsync(string connectionId, IEnumerable<(string Name, string Value)> values, CancellationToken cancellationToken)
    {
        // One row per name, and a name given twice keeps its last value: the same row twice in one
        // INSERT ... ON CONFLICT DO UPDATE is an error in PostgreSQL.
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            latest[name] = value;
        }

        if (latest.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO pos_cursors (connection_id, name, value) SELECT $1, * FROM unnest($2::text[], $3::text[])
            ON CONFLICT (connection_id, name) DO UPDATE SET value = excluded.value, updated_at = now()
            """);
        command.Parameters.AddTyped(connectionId).AddTyped(latest.Keys.ToArray()).AddTyped(latest.Values.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The hub SKUs of those external items the map knows, by external id.</summary>
    public Task<Dictionary<string, string>> FindSkusAsync(string connectionId, IReadOnlyCollection<string> externalItemIds, CancellationToken cancellationToken) =>
        PairsAsync("SELECT external_item_id, sku FROM pos_item_map WHERE connection_id = $1 AND external_item_id = ANY($2)", connectionId, externalItemIds, cancellationToken);

    public Task<string?> FindExternalItemAsync(string connectionId, string sku, CancellationToken cancellationToken) =>
        TextAsync("SELECT external_item_id FROM pos_item_map WHERE connection_id = $1 AND sku = $2", cancellationToken, connectionId, sku);

    public Task RememberItemAsync(string connectionId, string externalItemId, string sku, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO pos_item_map (connection_id, external_item_id, sku) VALUES ($1, $2, $3)
            ON CONFLICT (connection_id, external_item_id) DO UPDATE SET sku = excluded.sku, learnt_at = now()
            """,
            cancellationToken,
            connectionId,
            externalItemId,
            sku);

    public async Task<ConnectionHealth> GetHealthAsync(string connectionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT c.last_event_at, c.last_push_at, c.last_poll_at, c.last_reconciled_at, c.last_error, c.last_error_at,
                   (SELECT count(*) FROM pos_pushes p WHERE p.connection_id = c.connection_id AND p.pushed_at IS NULL AND p.parked_at IS NULL),
                   (SELECT min(p.created_at) FROM pos_pushes p WHERE p.connection_id = c.connection_id AND p.pushed_at IS NULL AND p.parked_at IS NULL),
                   (SELECT count(*) FROM pos_inbound_events e WHERE e.connection_id = c.connection_id AND e.processed_at IS NULL),
                   (SELECT min(e.received_at) FROM pos_inbound_events e WHERE e.connection_id = c.connection_id AND e.processed_at IS NULL),
                   (SELECT count(*) FROM pos_parked_events k WHERE k.connection_id = c.connection_id)
                 + (SELECT count(*) FROM pos_pushes p WHERE p.connection_id = c.connection_id AND p.parked_at IS NOT NULL),
                   now()
            FROM pos_connections c WHERE c.connection_id = $1
            """);
        command.Parameters.AddTyped(connectionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var now = reader.GetFieldValue<DateTimeOffset>(11);
        DateTimeOffset? At(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
        double? Age(int ordinal) => At(ordinal) is { } at ? Math.Round((now - at).TotalSeconds, 3) : null;
        return new ConnectionHealth(
            At(0),
            At(1),
            At(2),
            At(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            At(5),
            reader.GetInt64(6),
            Age(7),
            reader.GetInt64(8),
            Age(9),
            reader.GetInt64(10));
    }

    private async Task<List<PosConnection>> ReadAsync(string where, string? connectionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $$"""
            SELECT c.connection_id, c.kind, c.base_url, c.access_token, c.webhook_signature_key, c.notification_url, c.settings::text, c.updated_at,
                   coalesce((SELECT jsonb_object_agg(m.external_location_id, m.location_id) FROM pos_location_map m WHERE m.connection_id = c.connection_id), '{}')::text
            FROM pos_connections c {{where}}
            ORDER BY c.connection_id
            """);
        if (connectionId is not null)
        {
            command.Parameters.AddTyped(connectionId);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var connections = new List<PosConnection>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var settings = JsonDocument.Parse(reader.GetString(6));
            connections.Add(new PosConnection(
                reader.GetString(0),
                reader.GetString(1),
                new Uri(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                new Uri(reader.GetString(5)),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8))!,
                settings.RootElement.Clone(),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return connections;
    }

    private async Task<Dictionary<string, string>> PairsAsync(string sql, string connectionId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return pairs;
        }

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddTyped(connectionId).AddTyped(keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs[reader.GetString(0)] = reader.GetString(1);
        }

        return pairs;
    }

    private async Task<string?> TextAsync(string sql, CancellationToken cancellationToken, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddTyped(parameter);
        }

        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddTyped(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
