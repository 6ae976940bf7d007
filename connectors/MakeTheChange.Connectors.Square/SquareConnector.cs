using System.Text.Json;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Connectors.Square.Inbound;
using MakeTheChange.Connectors.Square.Outbound;
using MakeTheChange.Connectors.Square.Reconciliation;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Connectors.Square;

/// <summary>
/// Two-way sync between the hub and Square for POS: till sales and returns come in from orders (webhooks
/// first, a poller for what they miss), other Square stock changes from its change feed; hub changes go
/// out as adjustments; reconciliation repairs drift.
/// </summary>
internal sealed class SquareConnector(
    IHttpClientFactory httpClients,
    SquareEventProcessor events,
    SquareOrderIngestion orders,
    SquareOrdersTakenIn takenIn,
    SquareChangeFeed changes,
    SquarePusher pusher,
    SquareReconciler reconciler,
    PosConnectionStore store,
    TimeProvider clock,
    IOptions<SquareConnectorOptions> options) : IPosConnector
{
    public const string ConnectorKind = "square";
    public const string HttpClientName = "square";
    private const string OrdersCursor = "square.orders.updated_after";

    public string Kind => ConnectorKind;

    // Square signs every notification (pos-apis.md §1.6).
    public bool RequiresWebhookSignatureKey => true;

    public IEnumerable<KeyValuePair<string, string>> ValidateSettings(JsonElement settings) =>
        settings.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, "Square connections take no settings."));

    // The first poll sets the cursors to now: connecting is polling once.
    public Task ConnectAsync(PosConnection connection, CancellationToken cancellationToken) => PollAsync(connection, cancellationToken);

    public Task ProcessEventsAsync(PosConnection connection, InboundEventBatch batch, CancellationToken cancellationToken) =>
        events.ProcessAsync(Client(connection), connection, batch, cancellationToken);

    public async Task PollAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        var square = Client(connection);
        await PollOrdersAsync(square, connection, cancellationToken);
        await changes.SyncAsync(square, connection, cancellationToken);
    }

    public Task<IReadOnlyList<PushOutcome>> PushAsync(PosConnection connection, PushBatch batch, CancellationToken cancellationToken) =>
        pusher.PushAsync(Client(connection), connection, batch, cancellationToken);

    public async Task<ReconciliationReport> ReconcileAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        // Take in what Square knows first, so that its sales are not mistaken for drift.
        await PollAsync(connection, cancellationToken);
        return await reconciler.ReconcileAsync(Client(connection), connection, cancellationToken);
    }

    private async Task PollOrdersAsync(SquareApiClient square, PosConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cursor = await store.GetCursorAsync(connection.ConnectionId, OrdersCursor, cancellationToken);
        if (cursor is null)
        {
            // A new connection starts from now: orders before it are already in the stock it was set up with.
            await store.SetCursorAsync(connection.ConnectionId, OrdersCursor, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            return;
        }

        var latest = DateTimeOffset.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
        var found = await square.SearchCompletedOrdersAsync([.. connection.Locations.Keys], latest - options.Value.PollOverlap, cancellationToken);

        // What the webhooks already brought in, at the same update, is not applied again.
        var failures = await orders.IngestAsync(square, connection, [.. found.Where(order => !takenIn.Contains(connection.ConnectionId, order))], cancellationToken);
        if (failures.Count > 0)
        {
            var (orderId, error) = failures.First();
            throw new InvalidOperationException($"{failures.Count} Square orders could not be applied, {orderId} first: {error}");
        }

        foreach (var order in found)
        {
            if (order.UpdatedAt > latest)
            {
                latest = order.UpdatedAt.Value;
            }
        }

        await store.SetCursorAsync(connection.ConnectionId, OrdersCursor, latest.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    private SquareApiClient Client(PosConnection connection) => new(httpClients.CreateClient(HttpClientName), connection);
}
