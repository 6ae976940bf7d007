using MakeTheChange.Grains;
using MakeTheChange.Hub.Stock;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Applies what a POS reports (a till sale, a return, a count) as hub movements from that connection.
/// What the hub cannot apply (an unknown SKU, a refused movement) is parked with why, never dropped.
/// </summary>
public sealed class PosMovements(IGrainFactory grains, ParkedEvents parked, NpgsqlDataSource dataSource)
{
    /// <summary>Applies one movement; false when it was parked instead.</summary>
    public async Task<bool> ApplyAsync(
        PosConnection connection,
        string sku,
        string locationId,
        StockMovementCommand command,
        object details,
        CancellationToken cancellationToken)
    {
        var outcome = await grains.GetGrain<IStockGrain>(StockKey.Of(sku, locationId)).ApplyMovement(command, cancellationToken);
        var parkedBecause = outcome.Status switch
        {
            StockCommandStatus.Applied or StockCommandStatus.Repeated => null,
            StockCommandStatus.IdReused => $"Movement {command.MovementId} was already applied with other values.",
            _ => outcome.Detail,
        };
        if (parkedBecause is null)
        {
            return true;
        }

        await parked.ParkAsync(connection.ConnectionId, command.MovementId, parkedBecause, details, cancellationToken);
        return false;
    }

    /// <summary>Whether this movement is in the ledger (a void, for instance, only undoes a sale the hub applied).</summary>
    public async Task<bool> WasAppliedAsync(string sku, string locationId, string movementId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM stock_movements WHERE location_id = $1 AND sku = $2 AND movement_id = $3)");
        command.Parameters.AddTyped(locationId).AddTyped(sku).AddTyped(movementId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Parks what a connector could not even turn into a movement (an unmapped location or item).</summary>
    public Task ParkAsync(PosConnection connection, string reference, string reason, object details, CancellationToken cancellationToken) =>
        parked.ParkAsync(connection.ConnectionId, reference, reason, details, cancellationToken);
}
