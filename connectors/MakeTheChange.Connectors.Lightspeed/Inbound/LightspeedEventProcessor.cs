using System.Globalization;
using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// A Lightspeed webhook is a hint to poll now (pos-apis.md §2.5): the feeds are the truth. A hint whose
/// version the feed cursor already passed is stale and changes nothing; one received before a poll that
/// already started is covered by that poll.
/// </summary>
internal sealed class LightspeedEventProcessor(LightspeedPoller poller, PosConnectionStore store)
{
    public async Task ProcessAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        foreach (var inbound in batch.Events)
        {
            try
            {
                await ProcessAsync(lightspeed, connection, settings, inbound, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                batch.Fail(inbound, $"{exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private async Task ProcessAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, InboundEvent inbound, CancellationToken cancellationToken)
    {
        var cursor = inbound.EventType switch
        {
            "sale.update" => LightspeedSalesFeed.Cursor,
            "inventory.update" => LightspeedInventoryFeed.Cursor,
            _ => null,
        };
        if (cursor is null)
        {
            return;
        }

        var entity = JsonSerializer.Deserialize<WebhookEntity>(inbound.Payload, LightspeedJson.Options);
        if (entity?.Version is { } version
            && await store.GetCursorAsync(connection.ConnectionId, cursor, cancellationToken) is { } seen
            && version <= long.Parse(seen, CultureInfo.InvariantCulture))
        {
            return;
        }

        if (inbound.ReceivedAt < poller.LastStartedAt(connection.ConnectionId))
        {
            return;
        }

        await poller.PollAsync(lightspeed, connection, settings, cancellationToken);
    }
}
