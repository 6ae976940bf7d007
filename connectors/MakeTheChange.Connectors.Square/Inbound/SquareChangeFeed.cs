using System.Globalization;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Connectors.Square.Mapping;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Stock;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// Stock changes made in Square other than till sales and returns (a delivery received on the
/// dashboard, breakage, a recount) become hub movements. Sales and returns are skipped here: they come
/// from their orders, with their order and line ids. The hub's own pushes are skipped too (no echo):
/// they carry a <c>reference_id</c> the hub chose.
/// </summary>
internal sealed class SquareChangeFeed(
    PosConnectionStore store,
    SquareItemMap items,
    PosMovements movements,
    TimeProvider clock,
    IOptions<SquareConnectorOptions> options)
{
    public const string HubReferencePrefix = "hub-";
    private const string Cursor = "square.changes.after";

    /// <summary>Applies the changes recorded since the last sync, then moves the cursor past them.</summary>
    public async Task SyncAsync(SquareApiClient square, PosConnection connection, CancellationToken cancellationToken)
    {
        var cursor = await store.GetCursorAsync(connection.ConnectionId, Cursor, cancellationToken);
        if (cursor is null)
        {
            // A new connection starts from now: its history is Square's, the hub takes over from here.
            await store.SetCursorAsync(connection.ConnectionId, Cursor, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken);
            return;
        }

        var latest = DateTimeOffset.Parse(cursor, CultureInfo.InvariantCulture);
        var changes = await square.RetrieveChangesAsync([.. connection.Locations.Keys], latest - options.Value.PollOverlap, cancellationToken);
        foreach (var change in changes)
        {
            await ApplyAsync(square, connection, change, cancellationToken);
            var recordedAt = change.Adjustment?.CreatedAt ?? change.PhysicalCount?.CreatedAt;
            if (recordedAt > latest)
            {
                latest = recordedAt.Value;
            }
        }

        await store.SetCursorAsync(connection.ConnectionId, Cursor, latest.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
    }

    private async Task ApplyAsync(SquareApiClient square, PosConnection connection, InventoryChange change, CancellationToken cancellationToken)
    {
        var (id, reference, variationId, locationId, quantityText, occurredAt, kind) = change switch
        {
            { Adjustment: { } adjustment } => (adjustment.Id, adjustment.ReferenceId, adjustment.CatalogObjectId, adjustment.LocationId, adjustment.Quantity, adjustment.OccurredAt, KindOf(adjustment)),
            { PhysicalCount: { } count } => (count.Id, count.ReferenceId, count.CatalogObjectId, count.LocationId, count.Quantity, count.OccurredAt, (StockMovementKind?)StockMovementKind.Count),
            _ => (null, null, string.Empty, string.Empty, "0", default, null),
        };
        if (id is null || kind is null || reference?.StartsWith(HubReferencePrefix, StringComparison.Ordinal) == true)
        {
            return;
        }

        var movementId = $"sq-change-{id}";
        var details = new { changeId = id, variationId, squareLocationId = locationId, quantity = quantityText, kind = kind.Value.ToWire() };
        if (connection.HubLocation(locationId) is not { } hubLocation)
        {
            await movements.ParkAsync(connection, movementId, $"Square location '{locationId}' is not mapped to a hub location.", details, cancellationToken);
            return;
        }

        if (await items.SkuForAsync(square, connection, variationId, cancellationToken) is not { } sku)
        {
            await movements.ParkAsync(connection, movementId, $"Square item variation '{variationId}' has no SKU.", details, cancellationToken);
            return;
        }

        if (!SquareQuantity.TryParseUnits(quantityText, out var units) || units < 0 || (units == 0 && kind != StockMovementKind.Count))
        {
            await movements.ParkAsync(connection, movementId, $"Quantity '{quantityText}' is not a whole number of units.", details, cancellationToken);
            return;
        }

        await movements.ApplyAsync(
            connection,
            sku,
            hubLocation,
            new StockMovementCommand(movementId, kind.Value, units, null, null, "Changed in Square", id, occurredAt, connection.Source),
            details,
            cancellationToken);
    }

    /// <summary>Sales (to SOLD) and till returns come from orders; what else moves stock in or out is taken here.</summary>
    private static StockMovementKind? KindOf(InventoryAdjustment adjustment) => (adjustment.FromState, adjustment.ToState) switch
    {
        (_, "SOLD") => null,
        ("UNLINKED_RETURN", _) or ("RETURNED_BY_CUSTOMER", _) => null,
        (_, "IN_STOCK") => StockMovementKind.Receipt,
        ("IN_STOCK", _) => StockMovementKind.Damage,
        _ => null,
    };
}
