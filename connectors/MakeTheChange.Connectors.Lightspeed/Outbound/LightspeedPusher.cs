using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Connectors.Lightspeed.Inbound;
using MakeTheChange.Connectors.Lightspeed.Mapping;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Connectors.Lightspeed.Outbound;

/// <summary>
/// Sends hub stock changes to Lightspeed without losing a till sale rung meanwhile (pos-apis.md §2.5):
/// in <c>absolute</c> mode the outlet's amount is read, the change added and the result written back
/// only if the amount's version has not moved (else read again); in <c>adjustment</c> mode the change
/// goes as a stock adjustment. Neither has an idempotency key, so a write whose outcome is unknown (no
/// answer) is not repeated: it is parked, and reconciliation settles the count.
/// </summary>
internal sealed class LightspeedPusher(LightspeedProductMap products, LightspeedInventoryMarks marks, IOptions<LightspeedConnectorOptions> options)
{
    public const string OutcomeUnknown = "Lightspeed did not answer a write that may have gone through; reconciliation will settle this count.";

    public async Task<IReadOnlyList<PushOutcome>> PushAsync(
        LightspeedApiClient lightspeed,
        PosConnection connection,
        LightspeedSettings settings,
        PushBatch batch,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<PushOutcome>();
        var changes = new List<(IReadOnlyList<PendingPush> Pushes, string ProductId, string OutletId, int Delta)>();
        foreach (var group in batch.Pushes.GroupBy(push => (push.Sku, push.LocationId)))
        {
            var (productId, problem) = await products.ProductForAsync(lightspeed, connection, group.Key.Sku, cancellationToken);
            if (productId is null || connection.ExternalLocation(group.Key.LocationId) is not { } outletId)
            {
                outcomes.AddRange(group.Select(push => PushOutcome.Parked(push.Id, problem ?? $"Hub location '{group.Key.LocationId}' is not mapped to a Lightspeed outlet.")));
                continue;
            }

            var delta = group.Sum(push => push.OnHandDelta);
            if (delta == 0)
            {
                outcomes.AddRange(group.Select(push => PushOutcome.Pushed(push.Id)));
                continue;
            }

            changes.Add(([.. group], productId, outletId, delta));
        }

        if (settings.PushMode == LightspeedSettings.Adjustment)
        {
            outcomes.AddRange(await AdjustAsync(lightspeed, changes, cancellationToken));
            return outcomes;
        }

        foreach (var (pushes, productId, outletId, delta) in changes)
        {
            var written = await SetAsync(lightspeed, connection, productId, outletId, delta, cancellationToken);
            if (written is null)
            {
                // Lightspeed could not be reached, or its amount kept changing: these stay queued.
                break;
            }

            outcomes.AddRange(pushes.Select(push => written == string.Empty ? PushOutcome.Pushed(push.Id) : PushOutcome.Parked(push.Id, written)));
        }

        return outcomes;
    }

    /// <summary>Read, add, write with a version check. Empty when written, a reason to park, or null to try later.</summary>
    private async Task<string?> SetAsync(LightspeedApiClient lightspeed, PosConnection connection, string productId, string outletId, int delta, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.Value.MaxWriteConflicts; attempt++)
        {
            InventoryRecord? current;
            try
            {
                current = (await lightspeed.GetInventoryAsync(productId, cancellationToken)).FirstOrDefault(record => record.OutletId == outletId);
            }
            catch (Exception failure) when (LightspeedWriteFailure.IsTransportFailure(failure, cancellationToken))
            {
                return null;
            }

            IReadOnlyList<InventoryRecord>? written;
            try
            {
                // Once sent, a write is seen through to its answer even when the hub is stopping: an
                // abandoned write would be of unknown outcome. The attempt timeout bounds the wait.
                var amount = (int)decimal.Truncate(current?.Amount ?? 0) + delta;
                written = await lightspeed.SetAmountAsync(productId, outletId, amount, current?.Version, CancellationToken.None);
            }
            catch (Exception failure) when (LightspeedWriteFailure.IsTransportFailure(failure, cancellationToken))
            {
                return LightspeedWriteFailure.SurelyNotApplied(failure) ? null : OutcomeUnknown;
            }
            catch (LightspeedApiException refused)
            {
                return refused.Message;
            }

            if (written is not null)
            {
                await marks.RememberAsync(connection, written, cancellationToken);
                return string.Empty;
            }
        }

        return null;
    }

    private static async Task<IEnumerable<PushOutcome>> AdjustAsync(
        LightspeedApiClient lightspeed,
        List<(IReadOnlyList<PendingPush> Pushes, string ProductId, string OutletId, int Delta)> changes,
        CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        // Lightspeed's reasons: STOCK_FOUND adds; of those that remove, INTERNAL_USE is the closest for
        // what left through the hub (pos-apis.md §2.5).
        var adjustments = changes.Select(change => new StockAdjustment(
            change.ProductId,
            change.OutletId,
            change.Delta.ToString(CultureInfo.InvariantCulture),
            change.Delta > 0 ? "STOCK_FOUND" : change.Pushes.All(push => push.Kind == "damage") ? "DAMAGE" : "INTERNAL_USE")).ToList();
        var pushes = changes.SelectMany(change => change.Pushes).ToList();
        try
        {
            await lightspeed.AdjustAsync(adjustments, CancellationToken.None);
            return pushes.Select(push => PushOutcome.Pushed(push.Id));
        }
        catch (Exception failure) when (LightspeedWriteFailure.IsTransportFailure(failure, cancellationToken))
        {
            return LightspeedWriteFailure.SurelyNotApplied(failure) ? [] : pushes.Select(push => PushOutcome.Parked(push.Id, OutcomeUnknown));
        }
        catch (LightspeedApiException refused)
        {
            return pushes.Select(push => PushOutcome.Parked(push.Id, refused.Message));
        }
    }
}
