using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// What a POS should count for each SKU the hub stocks at the connection's locations: the hub's on hand
/// less the changes still queued for that POS (it cannot have seen them yet).
/// </summary>
public sealed class ReconciliationBaseline(NpgsqlDataSource dataSource, PosPushes pushes)
{
    public async Task<Dictionary<(string Sku, string LocationId), int>> ExpectedAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        var pending = await pushes.PendingDeltasAsync(connection.ConnectionId, cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT sku, location_id, on_hand FROM stock_levels WHERE location_id = ANY($1)");
        command.Parameters.AddTyped(connection.Locations.Values.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expected = new Dictionary<(string, string), int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            expected[key] = reader.GetInt32(2) - pending.GetValueOrDefault(key);
        }

        return expected;
    }
}
