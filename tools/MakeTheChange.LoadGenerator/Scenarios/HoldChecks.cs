using MakeTheChange.LoadGenerator.Servers;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>No oversell: what is held never exceeds what is on hand, and it is exactly what the acknowledged reservations asked.</summary>
internal static class HoldChecks
{
    public static async Task<IReadOnlyList<InvariantCheck>> CheckAsync(
        TargetKind target,
        NpgsqlDataSource database,
        IReadOnlyDictionary<(string Sku, string Location), long> acknowledged,
        CancellationToken cancellationToken)
    {
        var sql = target == TargetKind.Hub
            ? "SELECT sku, location_id, on_hand, held FROM stock_levels WHERE sku = ANY($1) AND location_id = ANY($2)"
            : "SELECT sku, location_id, on_hand, held FROM baseline_stock WHERE sku = ANY($1) AND location_id = ANY($2)";
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. acknowledged.Keys.Select(key => key.Sku).Distinct(StringComparer.Ordinal)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. acknowledged.Keys.Select(key => key.Location).Distinct(StringComparer.Ordinal)] });
        var oversold = 0;
        var wrongHeld = 0;
        long held = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!acknowledged.TryGetValue(key, out var expected))
            {
                continue;
            }

            var (onHand, heldHere) = (reader.GetInt32(2), reader.GetInt32(3));
            held += heldHere;
            oversold += heldHere > onHand ? 1 : 0;
            wrongHeld += heldHere != expected ? 1 : 0;
        }

        return
        [
            new("no oversell (held ≤ on hand)", oversold == 0, $"{oversold} SKU-locations hold more than they have; {held} units held"),
            new("held = acknowledged reservations", wrongHeld == 0, $"{wrongHeld} SKU-locations differ from the {acknowledged.Values.Sum()} units acknowledged"),
        ];
    }
}
