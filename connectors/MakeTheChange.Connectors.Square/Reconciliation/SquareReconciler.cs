using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Connectors.Square.Inbound;
using MakeTheChange.Connectors.Square.Mapping;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Reconciliation;

/// <summary>
/// Compares Square's counts with what the hub expects them to be (<see cref="ReconciliationBaseline"/>). A difference is drift; it is repaired with an adjustment of the difference (not
/// an absolute count, which would erase a till sale made between the read and the write).
/// </summary>
internal sealed partial class SquareReconciler(
    ReconciliationBaseline baseline,
    SquareItemMap items,
    SquareCountMarks marks,
    TimeProvider clock,
    ILogger<SquareReconciler> logger)
{
    public async Task<ReconciliationReport> ReconcileAsync(SquareApiClient square, PosConnection connection, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var expectations = await baseline.ExpectedAsync(connection, cancellationToken);
        var variations = new Dictionary<(string Sku, string LocationId), string>();
        var ofSku = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (sku, locationId) in expectations.Keys)
        {
            // Looked up once per SKU, not per location: an unmapped SKU would be searched in Square again at every location.
            if (!ofSku.TryGetValue(sku, out var variationId))
            {
                variationId = (await items.VariationForAsync(square, connection, sku, cancellationToken)).VariationId;
                ofSku[sku] = variationId;
            }

            if (variationId is not null)
            {
                variations[(sku, locationId)] = variationId;
            }
        }

        var counts = (await square.RetrieveCountsAsync([.. variations.Values.Distinct(StringComparer.Ordinal)], [.. connection.Locations.Keys], cancellationToken))
            .Where(count => count.State == "IN_STOCK")
            .ToDictionary(count => (count.CatalogObjectId, count.LocationId), count => count.Quantity);

        var drift = new List<DriftItem>();
        var repairs = new List<InventoryChange>();
        foreach (var ((sku, locationId), variationId) in variations)
        {
            var squareLocation = connection.ExternalLocation(locationId)!;
            if (!SquareQuantity.TryParseUnits(counts.GetValueOrDefault((variationId, squareLocation)) ?? "0", out var squareCount))
            {
                // Sold by weight or volume in Square: the hub, which counts units, cannot compare it.
                continue;
            }

            var expected = expectations[(sku, locationId)];
            if (squareCount == expected)
            {
                continue;
            }

            var difference = expected - squareCount;
            repairs.Add(new InventoryChange(
                "ADJUSTMENT",
                new InventoryAdjustment(
                    null,
                    $"{SquareChangeFeed.HubReferencePrefix}reconcile-{sku}@{locationId}",
                    difference > 0 ? "NONE" : "IN_STOCK",
                    difference > 0 ? "IN_STOCK" : "WASTE",
                    squareLocation,
                    variationId,
                    SquareQuantity.Format(Math.Abs(difference)),
                    startedAt)));
            drift.Add(new DriftItem(sku, locationId, variationId, squareLocation, squareCount, expected, Repaired: true));
        }

        foreach (var chunk in repairs.Chunk(100))
        {
            var response = await square.ChangeInventoryAsync(
                new BatchChangeInventoryRequest($"hub-reconcile-{connection.ConnectionId}-{Guid.NewGuid():N}", chunk, IgnoreUnchangedCounts: true),
                cancellationToken);
            await marks.RememberPushedAsync(connection, response.Counts ?? [], cancellationToken);
        }

        foreach (var item in drift)
        {
            LogDrift(connection.ConnectionId, item.Sku, item.LocationId, item.PosCount, item.Expected);
        }

        LogReconciled(connection.ConnectionId, variations.Count, drift.Count);
        return new ReconciliationReport(connection.ConnectionId, startedAt, clock.GetUtcNow(), variations.Count, drift, repairs.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Square drift on connection {ConnectionId}: {Sku} at {LocationId} counted {PosCount} in Square, expected {Expected}; repaired")]
    private partial void LogDrift(string connectionId, string sku, string locationId, int posCount, int expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled Square connection {ConnectionId}: {Compared} items compared, {Drifted} drifted")]
    private partial void LogReconciled(string connectionId, int compared, int drifted);
}
