using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;
using MakeTheChange.Connectors.Lightspeed.Simulator.State;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using MakeTheChange.Connectors.Simulation;
using MakeTheChange.Connectors.Simulation.State;
using MakeTheChange.Connectors.Simulation.Webhooks;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>
/// The simulated X-Series store: all its state, behind one lock, and the control surface of its tills,
/// back office, faults, rate limit and webhooks. Every method mirrors a <c>/simulator</c> endpoint.
/// Thread-safe. Methods throw <see cref="SimulatorRequestException"/> for unknown ids or invalid values.
/// Outlet and product ids are UUIDs, as in X-Series; any spelling <see cref="Guid"/> reads is accepted and
/// stored in lowercase.
/// </summary>
public sealed class LightspeedSimulator
{
    private const int MaxNameLength = 255;

    private readonly TimeProvider _time;
    private readonly LightspeedSimulatorOptions _options;
    private readonly SimulatorWebhooks<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt> _webhooks;
    private readonly GuardedState<SimulatorState> _state;

    internal LightspeedSimulator(
        LightspeedSimulatorOptions options,
        TimeProvider time,
        SimulatorWebhooks<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt> webhooks)
    {
        if (options.Registers < 1)
        {
            throw new ArgumentException("Registers must be at least 1.", nameof(options));
        }

        _options = new LightspeedSimulatorOptions
        {
            AccessToken = options.AccessToken,
            Port = options.Port,
            DomainPrefix = options.DomainPrefix,
            Registers = options.Registers,
        };
        _time = time;
        _webhooks = webhooks;
        _state = new GuardedState<SimulatorState>(() => new SimulatorState(_time, _options), Publish);
    }

    public string DomainPrefix => _options.DomainPrefix;

    internal string AccessToken => _options.AccessToken;

    /// <summary>
    /// Creates or renames an outlet (<c>PUT /simulator/outlets/{id}</c>). A new outlet gets a register for its
    /// till sales and an inventory record, at 0, for every product.
    /// </summary>
    public void UpsertOutlet(string outletId, string name)
    {
        var id = RequireUuid(outletId, "outletId");
        RequireName(name, "name");
        Run(current =>
        {
            if (current.Outlets.TryGetValue(id, out var existing))
            {
                current.Outlets[id] = existing with { Name = name, Version = current.NextVersion() };
                return true;
            }

            current.Outlets.Add(id, new SimulatedOutlet(id, name, LightspeedIds.NewId(), current.NextVersion()));
            foreach (var product in current.Products.Values.OrderBy(product => product.Version))
            {
                current.Inventory.Create(new StockKey(product.Id, id), current.NextVersion());
            }

            return true;
        });
    }

    /// <summary>
    /// Creates or updates a product (<c>PUT /simulator/products/{id}</c>). A new product gets an inventory
    /// record, at 0, at every outlet. SKUs are unique in the store (409 otherwise).
    /// </summary>
    public void UpsertProduct(string productId, ProductUpsert product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var id = RequireUuid(productId, "productId");
        RequireName(product.Name, "name");
        RequireName(product.Sku, "sku");
        if (product.Price is < 0 || product.SupplyPrice is < 0
            || (product.Price is { } price && !Amounts.HasAtMostMaxDecimalPlaces(price))
            || (product.SupplyPrice is { } supply && !Amounts.HasAtMostMaxDecimalPlaces(supply)))
        {
            throw SimulatorRequestException.Invalid($"price and supplyPrice must be 0 or more, with at most {Amounts.MaxDecimalPlaces} decimal places.");
        }

        Run(current =>
        {
            if (current.Products.Values.FirstOrDefault(other => string.Equals(other.Sku, product.Sku, StringComparison.Ordinal) && !string.Equals(other.Id, id, StringComparison.Ordinal)) is { } clash)
            {
                throw SimulatorRequestException.Conflict($"SKU {product.Sku} already belongs to product {clash.Id}.");
            }

            var isNew = !current.Products.ContainsKey(id);
            current.Products[id] = new SimulatedProduct(
                id,
                product.Sku,
                product.Name,
                Amounts.Normalize(product.Price ?? 0),
                Amounts.Normalize(product.SupplyPrice ?? 0),
                current.NextVersion());
            if (isNew)
            {
                foreach (var outlet in current.Outlets.Values.OrderBy(outlet => outlet.Version))
                {
                    current.Inventory.Create(new StockKey(id, outlet.Id), current.NextVersion());
                }
            }

            return true;
        });
    }

    /// <summary>A stocktake in the back office (<c>PUT /simulator/inventory/{productId}/{outletId}</c>): sets the amount, bumps the version, fires inventory.update.</summary>
    public InventoryLevel SetInventory(string productId, string outletId, decimal amount) =>
        Run(current => BackOfficeInventory.Stocktake(current, productId, outletId, amount));

    /// <summary>The amount and record version, or null when the product or the outlet is unknown (<c>GET /simulator/inventory/{productId}/{outletId}</c>).</summary>
    public InventoryLevel? GetInventory(string productId, string outletId) =>
        Run(current => BackOfficeInventory.Level(current, productId, outletId));

    /// <summary>Sets the amount silently: no version bump, no webhook (<c>POST /simulator/inventory/{productId}/{outletId}/drift</c>).</summary>
    public InventoryLevel InjectInventoryDrift(string productId, string outletId, decimal amount) =>
        Run(current => BackOfficeInventory.Drift(current, productId, outletId, amount));

    /// <summary>A till sale, CLOSED at once (<c>POST /simulator/outlets/{outletId}/sales</c>); negative quantities are returned units.</summary>
    public TillSaleResult RecordSale(string outletId, TillSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return Run(current => TillOperations.RecordSale(current, outletId, sale));
    }

    /// <summary>Voids a CLOSED sale and puts its units back (<c>POST /simulator/sales/{saleId}/void</c>).</summary>
    public TillSaleResult VoidSale(string saleId) => Run(current => TillOperations.VoidSale(current, saleId));

    /// <summary>Replaces the faults in force (<c>PUT /simulator/faults</c>); "every n-th" counts from now.</summary>
    public void SetFaults(SimulatorFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.ServerErrorEvery is < 1 || faults.LatencyMs is < 0)
        {
            throw SimulatorRequestException.Invalid("serverErrorEvery must be at least 1, latencyMs at least 0.");
        }

        Run(current =>
        {
            current.Faults.Set(faults);
            return true;
        });
    }

    /// <summary>Clears every fault (<c>DELETE /simulator/faults</c>).</summary>
    public void ClearFaults() => SetFaults(new SimulatorFaults());

    /// <summary>The /api request counters (<c>GET /simulator/stats</c>).</summary>
    public SimulatorStats GetStats() => Run(current => current.Faults.Snapshot(current.RateLimit));

    /// <summary>Replaces the rate budget (<c>PUT /simulator/ratelimit</c>); the window starts empty and <c>maxRequestsInAnyWindow</c> from 0.</summary>
    public void SetRateLimit(RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Limit < 1 || settings.WindowSeconds < 1)
        {
            throw SimulatorRequestException.Invalid("limit and windowSeconds must be at least 1.");
        }

        Run(current => current.RateLimit = new SlidingWindowRateLimiter(settings));
    }

    /// <summary>Restores X-Series' budget, 300 × registers + 50 per 5 minutes (<c>DELETE /simulator/ratelimit</c>).</summary>
    public void ResetRateLimit() => SetRateLimit(RateLimitSettings.Default(_options.Registers));

    /// <summary>The budget in force and what is left of it (<c>GET /simulator/ratelimit</c>).</summary>
    public RateLimitStatus GetRateLimit() =>
        Run(current => new RateLimitStatus(
            current.RateLimit.Settings.Limit,
            current.RateLimit.Settings.WindowSeconds,
            current.RateLimit.Remaining(current.Now),
            current.RateLimit.MaxRequestsInAnyWindow));

    /// <summary>Sets the webhook subscription (<c>PUT /simulator/webhooks</c>); it applies to events raised from now on.</summary>
    public void ConfigureWebhooks(WebhookSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WebhookSubscription? subscription = null;
        if (settings.Enabled)
        {
            var url = WebhookUrl.Require(settings.Url, "url");
            if (settings.DelayMs < 0 || settings.DropNext < 0)
            {
                throw SimulatorRequestException.Invalid("delayMs and dropNext cannot be negative.");
            }

            if (!Enum.IsDefined(settings.SignatureInput) || !Enum.IsDefined(settings.SignatureEncoding))
            {
                throw SimulatorRequestException.Invalid("signatureInput must be raw-body or payload, signatureEncoding hex or base64.");
            }

            subscription = new WebhookSubscription(
                url,
                string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret,
                settings.SignatureInput,
                settings.SignatureEncoding,
                settings.Duplicate,
                TimeSpan.FromMilliseconds(settings.DelayMs),
                settings.Reorder);
        }

        Run(current =>
        {
            current.Webhooks = subscription;
            current.WebhooksToDrop = subscription is null ? 0 : settings.DropNext;
            return true;
        });
    }

    /// <summary>Every delivery attempt and dropped event so far, oldest first (<c>GET /simulator/webhooks/deliveries</c>).</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> GetWebhookDeliveries() => _webhooks.Deliveries();

    /// <summary>
    /// POSTs a raw event to the webhook URL now, signed as the subscription signs or deliberately wrong,
    /// without retries (<c>POST /simulator/webhooks/send</c>).
    /// </summary>
    public async Task<RawWebhookResult> SendRawWebhookAsync(RawWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (string.IsNullOrWhiteSpace(webhook.Type))
        {
            throw SimulatorRequestException.Invalid("type is required.");
        }

        var subscription = Run(current => current.Webhooks)
            ?? throw SimulatorRequestException.Conflict("No webhook subscription is enabled; set one with PUT /simulator/webhooks first.");
        var payload = webhook.Payload ?? string.Empty;
        var webhookEvent = new WebhookEvent(webhook.Type, EntityId: null, Version: null, payload, WebhookForm.Encode(webhook.Type, payload, DomainPrefix));
        var attempt = await _webhooks.SendNowAsync(subscription, webhookEvent, webhook.BadSignature, cancellationToken);
        return new RawWebhookResult(attempt.StatusCode, attempt.Error, LightspeedWebhookProtocol.SignatureFor(subscription, webhookEvent, webhook.BadSignature));
    }

    /// <summary>Forgets everything: state, faults, rate limit, webhooks (pending deliveries included) and stats (<c>POST /simulator/reset</c>).</summary>
    public void Reset() => _state.Reset(_webhooks.DiscardAll);

    /// <summary>
    /// Runs <paramref name="operation"/> under the lock, then queues the webhooks it raised, in
    /// order: they are delivered in the background, never inside the request that caused them.
    /// </summary>
    internal T Run<T>(Func<SimulatorState, T> operation) => _state.Run(operation);

    internal ApiAdmission AdmitApiRequest(string endpoint, bool authorized) =>
        Run(current => current.Faults.Admit(endpoint, authorized, current.RateLimit, current.Now));

    private static string RequireUuid(string id, string name) =>
        LightspeedIds.Canonical(id) ?? throw SimulatorRequestException.Invalid($"{name} must be a UUID, as X-Series ids are.");

    private static void RequireName(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength)
        {
            throw SimulatorRequestException.Invalid($"{name} is required, at most {MaxNameLength} characters.");
        }
    }

    private void Publish(SimulatorState state)
    {
        var raised = state.TakeEvents();
        if (raised.Count == 0 || state.Webhooks is not { } subscription)
        {
            return;
        }

        var events = new List<WebhookEvent>(raised.Count);
        foreach (var pending in raised)
        {
            if (state.WebhooksToDrop > 0)
            {
                state.WebhooksToDrop--;
                _webhooks.Log(new WebhookDeliveryAttempt(
                    pending.Type,
                    pending.EntityId,
                    pending.Version,
                    Attempt: 0,
                    Duplicate: false,
                    BadSignature: false,
                    Dropped: true,
                    StatusCode: null,
                    Error: "Dropped on purpose (dropNext): never sent.",
                    _time.GetUtcNow()));
                continue;
            }

            var payload = JsonSerializer.Serialize(pending.Payload, pending.Payload.GetType(), LightspeedJson.Options);
            events.Add(new WebhookEvent(pending.Type, pending.EntityId, pending.Version, payload, WebhookForm.Encode(pending.Type, payload, state.DomainPrefix)));
        }

        if (events.Count > 0)
        {
            _webhooks.Enqueue(subscription, events, _time.GetUtcNow());
        }
    }
}
