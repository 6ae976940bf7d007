using System.Globalization;
using System.Text.Json;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// What each Square webhook means for the hub (pos-apis.md §1.6, §1.7): a completed payment or refund
/// names the order whose lines moved stock; an inventory count update says Square's stock changed, so
/// the hub reads what changed, unless the update is older than one already seen or is the echo of the
/// hub's own push.
/// </summary>
internal sealed partial class SquareEventProcessor(
    SquareOrderIngestion orders,
    SquareChangeFeed changes,
    SquareCountMarks marks,
    ILogger<SquareEventProcessor> logger)
{
    public async Task ProcessAsync(SquareApiClient square, PosConnection connection, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        foreach (var inbound in batch.Events)
        {
            try
            {
                await ProcessAsync(square, connection, inbound, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                batch.Fail(inbound, $"{exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private async Task ProcessAsync(SquareApiClient square, PosConnection connection, InboundEvent inbound, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize<WebhookEnvelope>(inbound.Payload, SquareJson.Options)!;
        var data = envelope.Data?.Object ?? default;
        switch (envelope.Type)
        {
            case "payment.created" or "payment.updated":
                var payment = Read<Payment>(data, "payment");
                await IngestOrderOfAsync(square, connection, payment?.OrderId, payment?.Status, cancellationToken);
                break;

            case "refund.created" or "refund.updated":
                var refund = Read<Refund>(data, "refund");
                await IngestOrderOfAsync(square, connection, refund?.OrderId, refund?.Status, cancellationToken);
                break;

            case "inventory.count.updated":
                var counts = Read<List<InventoryCount>>(data, "inventory_counts") ?? [];
                if (await marks.AnyNewAsync(connection, counts, cancellationToken))
                {
                    await changes.SyncAsync(square, connection, cancellationToken);
                }

                break;

            default:
                LogIgnored(envelope.Type ?? "(no type)", inbound.EventId);
                break;
        }
    }

    private async Task IngestOrderOfAsync(SquareApiClient square, PosConnection connection, string? orderId, string? status, CancellationToken cancellationToken)
    {
        // Until the payment (or refund) completes, its order has not moved stock; its completion arrives as its own event.
        if (orderId is null || !string.Equals(status, "COMPLETED", StringComparison.Ordinal))
        {
            return;
        }

        if (await square.RetrieveOrderAsync(orderId, cancellationToken) is { } order)
        {
            await orders.IngestAsync(square, connection, order, cancellationToken);
        }
    }

    private static T? Read<T>(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value)
            ? value.Deserialize<T>(SquareJson.Options)
            : default;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Square event {EventType} {EventId}")]
    private partial void LogIgnored(string eventType, string eventId);
}
