using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Connectors.Lightspeed.Inbound;
using MakeTheChange.Connectors.Lightspeed.Outbound;
using MakeTheChange.Connectors.Lightspeed.Reconciliation;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed;

/// <summary>
/// Two-way sync between the hub and Lightspeed Retail X-Series: sales come in through the versioned
/// change feeds (webhooks only say when to poll), hub changes go out within the store's request budget
/// without losing a till sale made meanwhile, and reconciliation repairs drift.
/// </summary>
internal sealed class LightspeedConnector(
    IHttpClientFactory httpClients,
    LightspeedEventProcessor events,
    LightspeedPoller poller,
    LightspeedPusher pusher,
    LightspeedReconciler reconciler) : IPosConnector
{
    public const string ConnectorKind = "lightspeed-x";
    public const string HttpClientName = "lightspeed";

    public string Kind => ConnectorKind;

    // Hooks made with a personal token may be unsigned (pos-apis.md §2.4).
    public bool RequiresWebhookSignatureKey => false;

    public IEnumerable<KeyValuePair<string, string>> ValidateSettings(JsonElement settings) => LightspeedSettings.Validate(settings);

    // Connecting is polling once: the first poll places the cursors (LightspeedPoller).
    public Task ConnectAsync(PosConnection connection, CancellationToken cancellationToken) => PollAsync(connection, cancellationToken);

    public Task ProcessEventsAsync(PosConnection connection, InboundEventBatch batch, CancellationToken cancellationToken)
    {
        var (client, settings) = Client(connection);
        return events.ProcessAsync(client, connection, settings, batch, cancellationToken);
    }

    public Task PollAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        var (client, settings) = Client(connection);
        return poller.PollAsync(client, connection, settings, cancellationToken);
    }

    public Task<IReadOnlyList<PushOutcome>> PushAsync(PosConnection connection, PushBatch batch, CancellationToken cancellationToken)
    {
        var (client, settings) = Client(connection);
        return pusher.PushAsync(client, connection, settings, batch, cancellationToken);
    }

    public async Task<ReconciliationReport> ReconcileAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        var (client, settings) = Client(connection);

        // Take in Lightspeed's sales first, so that they are not mistaken for drift.
        await poller.PollAsync(client, connection, settings, cancellationToken);
        return await reconciler.ReconcileAsync(client, connection, settings, cancellationToken);
    }

    private (LightspeedApiClient Client, LightspeedSettings Settings) Client(PosConnection connection)
    {
        var settings = LightspeedSettings.Read(connection.Settings);
        return (new LightspeedApiClient(httpClients.CreateClient(HttpClientName), connection, settings), settings);
    }
}
