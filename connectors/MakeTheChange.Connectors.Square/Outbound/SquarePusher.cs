using System.Net;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Connectors.Square.Inbound;
using MakeTheChange.Connectors.Square.Mapping;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Square.Outbound;

/// <summary>
/// Sends hub stock changes to Square as ADJUSTMENTs (deltas, which commute with till sales made in the
/// meantime, unlike absolute counts: pos-apis.md §1.7). The batch key is the idempotency key and every
/// change carries the hub's own <c>reference_id</c>, so a retry applies nothing twice and the change's
/// echo is recognised.
/// </summary>
internal sealed class SquarePusher(SquareItemMap items, SquareCountMarks marks)
{
    public async Task<IReadOnlyList<PushOutcome>> PushAsync(SquareApiClient square, PosConnection connection, PushBatch batch, CancellationToken cancellationToken)
    {
        var outcomes = new List<PushOutcome>();
        var sendable = new List<(PendingPush Push, InventoryChange Change)>();
        foreach (var push in batch.Pushes)
        {
            var (variationId, problem) = await items.VariationForAsync(square, connection, push.Sku, cancellationToken);
            if (variationId is null || connection.ExternalLocation(push.LocationId) is not { } squareLocation)
            {
                outcomes.Add(PushOutcome.Parked(push.Id, problem ?? $"Hub location '{push.LocationId}' is not mapped to a Square location."));
                continue;
            }

            sendable.Add((push, Adjustment(push, variationId, squareLocation, batch.FormedAt)));
        }

        if (sendable.Count == 0)
        {
            return outcomes;
        }

        try
        {
            await SendAsync(square, connection, batch.Key, sendable.Select(item => item.Change).ToList(), cancellationToken);
            outcomes.AddRange(sendable.Select(item => PushOutcome.Pushed(item.Push.Id)));
        }
        catch (SquareApiException refused) when (refused.Status == HttpStatusCode.BadRequest && sendable.Count > 1)
        {
            // Square validates the whole batch before applying any of it: one bad change refused them all.
            // Sent one by one (each under a key of its own), only the bad ones stay behind.
            foreach (var (push, change) in sendable)
            {
                try
                {
                    await SendAsync(square, connection, $"{batch.Key}-{push.Id}", [change], cancellationToken);
                    outcomes.Add(PushOutcome.Pushed(push.Id));
                }
                catch (SquareApiException single) when (single.Status == HttpStatusCode.BadRequest)
                {
                    outcomes.Add(PushOutcome.Parked(push.Id, single.Message));
                }
            }
        }
        catch (SquareApiException single) when (single.Status == HttpStatusCode.BadRequest)
        {
            outcomes.Add(PushOutcome.Parked(sendable[0].Push.Id, single.Message));
        }

        return outcomes;
    }

    private async Task SendAsync(SquareApiClient square, PosConnection connection, string key, List<InventoryChange> changes, CancellationToken cancellationToken)
    {
        var response = await square.ChangeInventoryAsync(new BatchChangeInventoryRequest(key, changes, IgnoreUnchangedCounts: true), cancellationToken);
        await marks.RememberPushedAsync(connection, response.Counts ?? [], cancellationToken);
    }

    private static InventoryChange Adjustment(PendingPush push, string variationId, string squareLocation, DateTimeOffset occurredAt)
    {
        var (from, to) = push.OnHandDelta > 0
            ? ("NONE", "IN_STOCK")
            : (string.Equals(push.Kind, "sale", StringComparison.Ordinal) ? ("IN_STOCK", "SOLD") : ("IN_STOCK", "WASTE"));
        return new InventoryChange(
            "ADJUSTMENT",
            new InventoryAdjustment(
                null,
                $"{SquareChangeFeed.HubReferencePrefix}{push.Sku}@{push.LocationId}#{push.Seq}",
                from,
                to,
                squareLocation,
                variationId,
                SquareQuantity.Format(Math.Abs(push.OnHandDelta)),
                occurredAt));
    }
}
