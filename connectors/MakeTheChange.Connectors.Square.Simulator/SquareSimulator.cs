using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Simulation;
using MakeTheChange.Connectors.Simulation.Faults;
using MakeTheChange.Connectors.Simulation.State;
using MakeTheChange.Connectors.Simulation.Webhooks;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Faults;
using MakeTheChange.Connectors.Square.Simulator.Inventory;
using MakeTheChange.Connectors.Square.Simulator.Locations;
using MakeTheChange.Connectors.Square.Simulator.State;
using MakeTheChange.Connectors.Square.Simulator.Tills;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator;

/// <summary>
/// The simulated Square account: all its state, behind one lock, and the control surface of its
/// tills, back office, faults and webhooks. Every method mirrors a <c>/simulator</c> endpoint.
/// Thread-safe. Methods throw <see cref="SimulatorRequestException"/> for unknown ids or invalid values.
/// </summary>
public sealed class SquareSimulator
{
    private const int MaxLocationIdLength = 32;

    private readonly SimulatorClock _clock;
    private readonly SquareSimulatorOptions _options;
    private readonly SimulatorWebhooks<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt> _webhooks;
    private readonly GuardedState<SimulatorState> _state;

    internal SquareSimulator(
        SquareSimulatorOptions options,
        TimeProvider time,
        SimulatorWebhooks<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt> webhooks)
    {
        _options = new SquareSimulatorOptions
        {
            AccessToken = options.AccessToken,
            Port = options.Port,
            MerchantId = options.MerchantId,
            ApplicationId = options.ApplicationId,
        };
        _clock = new SimulatorClock(time);
        _webhooks = webhooks;
        _state = new GuardedState<SimulatorState>(() => new SimulatorState(_clock, _options), Publish);
    }

    public string MerchantId => _options.MerchantId;

    public string ApplicationId => _options.ApplicationId;

    internal string AccessToken => _options.AccessToken;

    /// <summary>Creates or renames a location (<c>PUT /simulator/locations/{id}</c>).</summary>
    public void UpsertLocation(string locationId, string name)
    {
        RequireId(locationId, "locationId", MaxLocationIdLength);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw SimulatorRequestException.Invalid("name is required.");
        }

        Run(current =>
        {
            var createdAt = current.Locations.GetValueOrDefault(locationId)?.CreatedAt ?? current.Clock.Next();
            current.Locations[locationId] = new SimulatedLocation(locationId, name, createdAt);
            return true;
        });
    }

    /// <summary>Creates or updates an item variation (<c>PUT /simulator/catalog/variations/{id}</c>).</summary>
    public void UpsertVariation(string variationId, VariationUpsert variation)
    {
        ArgumentNullException.ThrowIfNull(variation);
        RequireId(variationId, "variationId", maxLength: 192);
        if (string.IsNullOrWhiteSpace(variation.Name) || string.IsNullOrWhiteSpace(variation.Sku))
        {
            throw SimulatorRequestException.Invalid("name and sku are required.");
        }

        if (variation.PriceCents is < 0)
        {
            throw SimulatorRequestException.Invalid("priceCents cannot be negative.");
        }

        Run(current => current.Catalog.Upsert(variationId, variation, current.Clock.Next()));
    }

    /// <summary>A Dashboard recount (<c>PUT /simulator/inventory/{variationId}/{locationId}</c>): records a PHYSICAL_COUNT and fires inventory.count.updated.</summary>
    public InventoryLevel SetInventoryCount(string variationId, string locationId, decimal quantity) =>
        Run(current => BackOfficeInventory.Recount(current, variationId, locationId, quantity));

    /// <summary>The IN_STOCK count, or null when the variation never had one there (<c>GET /simulator/inventory/{variationId}/{locationId}</c>).</summary>
    public InventoryLevel? GetInventoryCount(string variationId, string locationId) =>
        Run(current => BackOfficeInventory.Level(current, variationId, locationId));

    /// <summary>Sets the count silently, with no change record and no webhook (<c>POST /simulator/inventory/{variationId}/{locationId}/drift</c>).</summary>
    public InventoryLevel InjectInventoryDrift(string variationId, string locationId, decimal quantity) =>
        Run(current => BackOfficeInventory.Drift(current, variationId, locationId, quantity));

    /// <summary>A till sale (<c>POST /simulator/locations/{locationId}/sales</c>).</summary>
    public TillSaleResult RecordSale(string locationId, TillSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return Run(current => TillOperations.RecordSale(current, locationId, sale));
    }

    /// <summary>A till return (<c>POST /simulator/locations/{locationId}/returns</c>).</summary>
    public TillReturnResult RecordReturn(string locationId, TillReturn tillReturn)
    {
        ArgumentNullException.ThrowIfNull(tillReturn);
        return Run(current => TillOperations.RecordReturn(current, locationId, tillReturn));
    }

    /// <summary>Replaces the faults in force (<c>PUT /simulator/faults</c>); "every n-th" counts from now.</summary>
    public void SetFaults(SimulatorFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.RateLimitEvery is < 1 || faults.ServerErrorEvery is < 1 || faults.LatencyMs is < 0)
        {
            throw SimulatorRequestException.Invalid("rateLimitEvery and serverErrorEvery must be at least 1, latencyMs at least 0.");
        }

        Run(current =>
        {
            current.Faults.Set(faults);
            return true;
        });
    }

    /// <summary>Clears every fault (<c>DELETE /simulator/faults</c>).</summary>
    public void ClearFaults() => SetFaults(new SimulatorFaults());

    /// <summary>The /v2 request counters (<c>GET /simulator/stats</c>).</summary>
    public SimulatorStats GetStats() => Run(current => current.Faults.Snapshot());

    /// <summary>Sets the webhook subscription (<c>PUT /simulator/webhooks</c>); it applies to events raised from now on.</summary>
    public void ConfigureWebhooks(WebhookSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WebhookSubscription? subscription = null;
        if (settings.Enabled)
        {
            var notificationUrl = WebhookUrl.Require(settings.NotificationUrl, "notificationUrl");
            if (string.IsNullOrEmpty(settings.SignatureKey))
            {
                throw SimulatorRequestException.Invalid("signatureKey is required.");
            }

            if (settings.DelayMs < 0)
            {
                throw SimulatorRequestException.Invalid("delayMs cannot be negative.");
            }

            subscription = new WebhookSubscription(
                notificationUrl,
                settings.SignatureKey,
                settings.Duplicate,
                TimeSpan.FromMilliseconds(settings.DelayMs),
                settings.Reorder);
        }

        Run(current => current.Webhooks = subscription);
    }

    /// <summary>Every delivery attempt so far, oldest first (<c>GET /simulator/webhooks/deliveries</c>).</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> GetWebhookDeliveries() => _webhooks.Deliveries();

    /// <summary>
    /// POSTs a raw body to the notification URL now, signed correctly or deliberately wrong, without
    /// retries (<c>POST /simulator/webhooks/send</c>).
    /// </summary>
    public async Task<RawWebhookResult> SendRawWebhookAsync(RawWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var subscription = Run(current => current.Webhooks)
            ?? throw SimulatorRequestException.Conflict("No webhook subscription is enabled; set one with PUT /simulator/webhooks first.");
        var body = Encoding.UTF8.GetBytes(webhook.Body);
        var (eventId, type) = ReadEventIdentity(webhook.Body);
        var attempt = await _webhooks.SendNowAsync(subscription, new WebhookEvent(eventId, type, body), webhook.BadSignature, cancellationToken);
        return new RawWebhookResult(attempt.StatusCode, attempt.Error, SquareWebhookProtocol.SignatureFor(subscription, body, webhook.BadSignature));
    }

    /// <summary>Forgets everything: state, faults, webhooks (pending deliveries included) and stats (<c>POST /simulator/reset</c>).</summary>
    public void Reset() => _state.Reset(_webhooks.DiscardAll);

    /// <summary>
    /// Runs <paramref name="operation"/> under the lock, then queues the webhooks it raised, in
    /// order: they are delivered in the background, never inside the request that caused them.
    /// </summary>
    internal T Run<T>(Func<SimulatorState, T> operation) => _state.Run(operation);

    internal (ApiFault Fault, int LatencyMs) AdmitApiRequest(string endpoint) =>
        Run(current => (current.Faults.Admit(endpoint), current.Faults.Faults.LatencyMs ?? 0));

    internal void CountUnauthorized() =>
        Run(current =>
        {
            current.Faults.CountUnauthorized();
            return true;
        });

    private static void RequireId(string id, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > maxLength)
        {
            throw SimulatorRequestException.Invalid($"{name} is required, at most {maxLength} characters.");
        }
    }

    /// <summary>The event_id and type of a raw body, when it is an event envelope at all.</summary>
    private static (string? EventId, string? Type) ReadEventIdentity(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject envelope
                ? (envelope["event_id"]?.GetValue<string>(), envelope["type"]?.GetValue<string>())
                : (null, null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Raw sends exist to test receivers with any body, malformed ones included: it is sent as is.
            return (null, null);
        }
    }

    private void Publish(SimulatorState state)
    {
        var raised = state.TakeEvents();
        if (raised.Count == 0 || state.Webhooks is not { } subscription)
        {
            return;
        }

        var events = raised.Select(pending =>
        {
            var eventId = Guid.NewGuid().ToString();
            var envelope = new WebhookEnvelope(
                MerchantId,
                pending.Type,
                eventId,
                Rfc3339.Format(pending.CreatedAt),
                new WebhookEventData(pending.DataType, pending.DataId, pending.Payload));
            return new WebhookEvent(eventId, pending.Type, JsonSerializer.SerializeToUtf8Bytes(envelope, SquareJson.Options));
        }).ToList();
        _webhooks.Enqueue(subscription, events, _clock.WallNow);
    }
}
