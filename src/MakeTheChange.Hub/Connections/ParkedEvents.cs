using System.Text.Json;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>What a connector could not map (an unknown SKU, an unmapped location), kept for an admin and never dropped.</summary>
public sealed class ParkedEvents(NpgsqlDataSource dataSource)
{
    /// <summary>Parks what <paramref name="reference"/> names (parking it again changes nothing).</summary>
    public async Task ParkAsync(string connectionId, string reference, string reason, object details, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO pos_parked_events (connection_id, reference, reason, details) VALUES ($1, $2, $3, $4::jsonb)
            ON CONFLICT (connection_id, reference) DO NOTHING
            """);
        command.Parameters.AddTyped(connectionId).AddTyped(reference).AddTyped(reason)
            .AddTyped(JsonSerializer.Serialize(details, JsonSerializerOptions.Web));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Parked events and pushes of a connection, newest first.</summary>
    public async Task<List<ParkedEventResponse>> ListAsync(string connectionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT 'inbound', reference, reason, details::text, parked_at FROM pos_parked_events WHERE connection_id = $1
            UNION ALL
            SELECT 'push', sku || '@' || location_id || '#' || seq, last_error,
                   jsonb_build_object('sku', sku, 'locationId', location_id, 'movementId', movement_id, 'onHandDelta', on_hand_delta)::text, parked_at
            FROM pos_pushes WHERE connection_id = $1 AND parked_at IS NOT NULL
            ORDER BY 5 DESC
            LIMIT 1000
            """);
        command.Parameters.AddTyped(connectionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parked = new List<ParkedEventResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var details = JsonDocument.Parse(reader.GetString(3));
            parked.Add(new ParkedEventResponse(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                details.RootElement.Clone(),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return parked;
    }
}
