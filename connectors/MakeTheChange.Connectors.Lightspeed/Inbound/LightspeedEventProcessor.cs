using System.Globalization;
using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// A Lightspeed webhook is a hint to poll now (pos-apis.md §2.5): the feeds are the truth. The webhooks of
/// a batch set off one poll, which reads each feed only as far as the newest version they name. A hint
/// whose version the feed cursor already passed is stale and changes nothing; one without a version
/// needs the feed read to its end, unless such a read started after it arrived. Polls keep to
/// <see cref="LightspeedPollPacing"/>: sale notices wait for the sales feed's next turn, inventory notices
/// are deferred to the inventory feed's.
/// </summary>
internal sealed class LightspeedEventProcessor(LightspeedPoller poller, LightspeedPollPacing pacing, PosConnectionStore store)
{
    public async Task ProcessAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        var cursors = await store.GetCursorsAsync(connection.ConnectionId, [LightspeedSalesFeed.Cursor, LightspeedInventoryFeed.Cursor], cancellationToken);
        var salesSeen = Version(cursors, LightspeedSalesFeed.Cursor);
        var inventorySeen = Version(cursors, LightspeedInventoryFeed.Cursor);
        var salesReadToTheEndSince = poller.SalesReadToTheEndSince(connection.ConnectionId);
        var inventoryReadToTheEndSince = poller.InventoryReadToTheEndSince(connection.ConnectionId);
        long? salesUpTo = null;
        long? inventoryUpTo = null;
        var inventoryNotices = new List<InboundEvent>();
        foreach (var inbound in batch.Events)
        {
            switch (inbound.EventType)
            {
                case "sale.update" when Reach(inbound, salesSeen, salesReadToTheEndSince) is { } version:
                    salesUpTo = Math.Max(salesUpTo ?? version, version);
                    break;

                case "inventory.update" when Reach(inbound, inventorySeen, inventoryReadToTheEndSince) is { } version:
                    inventoryUpTo = Math.Max(inventoryUpTo ?? version, version);
                    inventoryNotices.Add(inbound);
                    break;
            }
        }

        if (inventoryUpTo is not null && !pacing.Inventory(connection, settings).TryTakeOrDefer(batch, inventoryNotices))
        {
            inventoryUpTo = null;
        }

        if (salesUpTo is not null)
        {
            await pacing.Sales(connection, settings).TakeAsync(cancellationToken);
        }

        if (salesUpTo is not null || inventoryUpTo is not null)
        {
            await poller.PollAsync(lightspeed, connection, settings, salesUpTo, inventoryUpTo, cancellationToken);
        }
    }

    /// <summary>How far the feed must be read for this notice; null when it already was.</summary>
    private static long? Reach(InboundEvent inbound, long? seen, DateTimeOffset readToTheEndSince)
    {
        if (VersionOf(inbound) is { } version)
        {
            return seen is { } cursor && version <= cursor ? null : version;
        }

        return inbound.ReceivedAt < readToTheEndSince ? null : LightspeedPoller.ToTheEnd;
    }

    private static long? VersionOf(InboundEvent inbound)
    {
        try
        {
            return JsonSerializer.Deserialize<WebhookEntity>(inbound.Payload, LightspeedJson.Options)?.Version;
        }
        catch (JsonException)
        {
            // Whatever it says, the feeds will tell: read them to their end.
            return null;
        }
    }

    private static long? Version(Dictionary<string, string> cursors, string name) =>
        cursors.TryGetValue(name, out var stored) ? long.Parse(stored, CultureInfo.InvariantCulture) : null;
}
