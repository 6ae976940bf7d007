using System.Text.Json;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Alerts;

/// <summary>The <c>alerts</c> table: raised once per dedupe key, listed for the back office.</summary>
public sealed class AlertBook(NpgsqlDataSource dataSource)
{
    /// <summary>Raises an alert inside <paramref name="transaction"/>; an alert with the same dedupe key is not raised twice.</summary>
    public static async Task RaiseAsync(
        NpgsqlTransaction transaction,
        string kind,
        string dedupeKey,
        string? locationId,
        string? sku,
        string? subject,
        string message,
        string detailsJson,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO alerts (kind, dedupe_key, location_id, sku, subject, message, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
            ON CONFLICT (dedupe_key) DO NOTHING
            """,
            transaction.Connection,
            transaction);
        command.Parameters.AddTyped(kind).AddTyped(dedupeKey).AddTyped(locationId).AddTyped(sku)
            .AddTyped(subject).AddTyped(message).AddTyped(detailsJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest alerts first; only unresolved ones unless <paramref name="includeResolved"/>.</summary>
    public async Task<List<Alert>> ListAsync(bool includeResolved, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, kind, location_id, sku, subject, message, details::text, raised_at, resolved_at FROM alerts
            WHERE ($1 OR resolved_at IS NULL) AND id < $2
            ORDER BY id DESC
            LIMIT $3
            """);
        command.Parameters.AddTyped(includeResolved).AddTyped(beforeId ?? long.MaxValue).AddTyped(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<Alert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var details = JsonDocument.Parse(reader.GetString(6));
            alerts.Add(new Alert(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                details.RootElement.Clone(),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return alerts;
    }

    /// <summary>Marks an alert resolved; false when there is no such alert.</summary>
    public async Task<bool> ResolveAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE alerts SET resolved_at = coalesce(resolved_at, now()) WHERE id = $1");
        command.Parameters.AddTyped(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
