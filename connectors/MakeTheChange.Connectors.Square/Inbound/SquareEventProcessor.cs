using System.Text.Json;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// What Square's webhooks mean for the hub (pos-apis.md §1.6, §1.7), a batch at a time: a completed
/// payment or refund names the order whose lines moved stock, and the orders a batch names are fetched
/// together, once each (a sale's second payment event finds its order already in); an inventory count
/// update says Square's stock changed, so the hub reads what changed, unless every count is older than
/// one already seen or is the echo of the hub's own push, or a read since covered it. That read is made
/// at most once per <see cref="SquareConnectorOptions.ChangeFeedReadInterval"/>: notices in between
/// wait for it (<see cref="SquareChangeFeedTurns"/>).
/// </summary>
internal sealed partial class SquareEventProcessor(
    SquareOrderIngestion orders,
    SquareOrdersTakenIn takenIn,
    SquareChangeFeed changes,
    SquareCountMarks marks,
    SquareChangeFeedTurns changeFeedTurns,
    ILogger<SquareEventProcessor> logger)
{
    // BatchRetrieveOrders takes at most 100 ids (pos-apis.md §1.5).
    private const int OrdersPerRequest = 100;

    public async Task ProcessAsync(SquareApiClient square, PosConnection connection, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        var byOrder = new Dictionary<string, List<InboundEvent>>(StringComparer.Ordinal);
        var notices = new List<(InboundEvent Event, IReadOnlyList<InventoryCount> Counts)>();
        foreach (var inbound in batch.Events)
        {
            try
            {
                Sort(connection, inbound, byOrder, notices);
            }
            catch (JsonException unreadable)
            {
                batch.Fail(inbound, $"The event is not readable: {unreadable.Message}");
            }
        }

        await IngestOrdersAsync(square, connection, byOrder, batch, cancellationToken);
        await FollowCountsAsync(square, connection, notices, batch, cancellationToken);
    }

    private void Sort(PosConnection connection, InboundEvent inbound, Dictionary<string, List<InboundEvent>> byOrder, List<(InboundEvent, IReadOnlyList<InventoryCount>)> notices)
    {
        var envelope = JsonSerializer.Deserialize<WebhookEnvelope>(inbound.Payload, SquareJson.Options)!;
        var data = envelope.Data?.Object ?? default;
        switch (envelope.Type)
        {
            case "payment.created" or "payment.updated":
                var payment = Read<Payment>(data, "payment");

                // A sale sends both: once its order is in, the other one has nothing to add.
                if (Completed(payment?.OrderId, payment?.Status) is { } paid && !takenIn.Contains(connection.ConnectionId, paid))
                {
                    Add(byOrder, paid, inbound);
                }

                break;

            case "refund.created" or "refund.updated":
                var refund = Read<Refund>(data, "refund");
                if (Completed(refund?.OrderId, refund?.Status) is { } refunded)
                {
                    Add(byOrder, refunded, inbound);
                }

                break;

            case "inventory.count.updated":
                notices.Add((inbound, Read<List<InventoryCount>>(data, "inventory_counts") ?? []));
                break;

            default:
                LogIgnored(envelope.Type ?? "(no type)", inbound.EventId);
                break;
        }
    }

    private async Task IngestOrdersAsync(SquareApiClient square, PosConnection connection, Dictionary<string, List<InboundEvent>> byOrder, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        var fetched = new List<Order>();
        foreach (var ids in byOrder.Keys.Chunk(OrdersPerRequest))
        {
            try
            {
                var found = await square.RetrieveOrdersAsync(ids, cancellationToken);
                fetched.AddRange(found.Where(order => byOrder.ContainsKey(order.Id)).DistinctBy(order => order.Id, StringComparer.Ordinal));
                foreach (var missing in ids.Except(found.Select(order => order.Id), StringComparer.Ordinal))
                {
                    Fail(batch, byOrder[missing], $"Square has no order {missing} (yet).");
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Fail(batch, ids.SelectMany(id => byOrder[id]), $"{exception.GetType().Name}: {exception.Message}");
            }
        }

        foreach (var (orderId, error) in await orders.IngestAsync(square, connection, fetched, cancellationToken))
        {
            Fail(batch, byOrder[orderId], error);
        }
    }

    private async Task FollowCountsAsync(SquareApiClient square, PosConnection connection, List<(InboundEvent Event, IReadOnlyList<InventoryCount> Counts)> notices, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return;
        }

        var turns = changeFeedTurns.For(connection.ConnectionId);
        var open = turns.Uncovered(notices, notice => notice.Event.Id);
        if (open.Count == 0)
        {
            return;
        }

        if (!turns.Pace.TryTakeOrDefer(batch, open.Select(notice => notice.Event)))
        {
            return;
        }

        if (await marks.AnyNewAsync(connection, [.. open.SelectMany(notice => notice.Counts)], cancellationToken))
        {
            var covers = turns.Starting();
            await changes.SyncAsync(square, connection, cancellationToken);
            turns.Covered(covers);
        }
    }

    // Until the payment (or refund) completes, its order has not moved stock; its completion arrives as its own event.
    private static string? Completed(string? orderId, string? status) =>
        string.Equals(status, "COMPLETED", StringComparison.Ordinal) ? orderId : null;

    private static void Add(Dictionary<string, List<InboundEvent>> byOrder, string orderId, InboundEvent inbound)
    {
        if (!byOrder.TryGetValue(orderId, out var events))
        {
            byOrder[orderId] = events = [];
        }

        events.Add(inbound);
    }

    private static void Fail(InboundEventBatch batch, IEnumerable<InboundEvent> events, string error)
    {
        foreach (var inbound in events)
        {
            batch.Fail(inbound, error);
        }
    }

    private static T? Read<T>(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value)
            ? value.Deserialize<T>(SquareJson.Options)
            : default;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Square event {EventType} {EventId}")]
    private partial void LogIgnored(string eventType, string eventId);
}
