using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Connectors.Lightspeed.Inbound;
using MakeTheChange.Connectors.Lightspeed.Mapping;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Reconciliation;

/// <summary>
/// Compares each outlet's Lightspeed amount with what the hub expects (<see cref="ReconciliationBaseline"/>)
/// and repairs the drift: in <c>absolute</c> mode by writing the expected amount with a version check, in
/// <c>adjustment</c> mode by adjusting by the difference.
/// </summary>
internal sealed partial class LightspeedReconciler(
    ReconciliationBaseline baseline,
    LightspeedProductMap products,
    LightspeedInventoryMarks marks,
    TimeProvider clock,
    ILogger<LightspeedReconciler> logger)
{
    public async Task<ReconciliationReport> ReconcileAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var expectations = await baseline.ExpectedAsync(connection, cancellationToken);
        var drift = new List<DriftItem>();
        var compared = 0;
        foreach (var ofSku in expectations.GroupBy(pair => pair.Key.Sku, StringComparer.Ordinal))
        {
            var sku = ofSku.Key;
            if ((await products.ProductForAsync(lightspeed, connection, sku, cancellationToken)).ProductId is not { } productId)
            {
                continue;
            }

            var records = await lightspeed.GetInventoryAsync(productId, cancellationToken);
            foreach (var ((_, locationId), expected) in ofSku)
            {
                var outletId = connection.ExternalLocation(locationId)!;
                var record = records.FirstOrDefault(candidate => candidate.OutletId == outletId);
                if (!LightspeedQuantity.TryUnits(record?.Amount ?? 0, out var amount))
                {
                    continue;
                }

                compared++;
                if (amount == expected)
                {
                    continue;
                }

                var repaired = await RepairAsync(lightspeed, connection, settings, productId, outletId, record, amount, expected, cancellationToken);
                drift.Add(new DriftItem(sku, locationId, productId, outletId, amount, expected, repaired));
                LogDrift(connection.ConnectionId, sku, locationId, amount, expected, repaired);
            }
        }

        LogReconciled(connection.ConnectionId, compared, drift.Count);
        return new ReconciliationReport(connection.ConnectionId, startedAt, clock.GetUtcNow(), compared, drift, drift.Count(item => item.Repaired));
    }

    private async Task<bool> RepairAsync(
        LightspeedApiClient lightspeed,
        PosConnection connection,
        LightspeedSettings settings,
        string productId,
        string outletId,
        InventoryRecord? record,
        int amount,
        int expected,
        CancellationToken cancellationToken)
    {
        if (settings.PushMode == LightspeedSettings.Adjustment)
        {
            var difference = expected - amount;
            await lightspeed.AdjustAsync(
                [new StockAdjustment(productId, outletId, difference.ToString(CultureInfo.InvariantCulture), difference > 0 ? "STOCK_FOUND" : "INTERNAL_USE")],
                cancellationToken);
            return true;
        }

        // A till sale between the read and the write moves the version: the write is refused, and the
        // next reconciliation compares again.
        var written = await lightspeed.SetAmountAsync(productId, outletId, expected, record?.Version, cancellationToken);
        if (written is null)
        {
            return false;
        }

        await marks.RememberAsync(connection, written, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lightspeed drift on connection {ConnectionId}: {Sku} at {LocationId} counted {PosCount} in Lightspeed, expected {Expected}; repaired: {Repaired}")]
    private partial void LogDrift(string connectionId, string sku, string locationId, int posCount, int expected, bool repaired);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled Lightspeed connection {ConnectionId}: {Compared} items compared, {Drifted} drifted")]
    private partial void LogReconciled(string connectionId, int compared, int drifted);
}
