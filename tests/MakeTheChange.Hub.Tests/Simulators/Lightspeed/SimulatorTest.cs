using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

/// <summary>Each test gets its own simulator on loopback, seeded with two outlets and three products.</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    public const string Brussels = "0a1b2c3d-0000-4000-8000-000000000001";
    public const string Ghent = "0a1b2c3d-0000-4000-8000-000000000002";
    public const string Honey = "5e6f7a8b-0000-4000-8000-000000000001";
    public const string Soap = "5e6f7a8b-0000-4000-8000-000000000002";
    public const string Candle = "5e6f7a8b-0000-4000-8000-000000000003";
    public const string ClientSecret = "test-client-secret";
    public const string AccessToken = "sim-lightspeed-token";

    private LightspeedSimulatorHost? _host;
    private WebhookReceiver? _receiver;

    protected LightspeedSimulatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

    protected LightspeedSimulator Simulator => Host.Simulator;

    protected HttpClient Api { get; private set; } = null!;

    protected HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await LightspeedSimulatorHost.StartAsync(new LightspeedSimulatorOptions());
        Api = new HttpClient { BaseAddress = _host.BaseUrl };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        Control = new HttpClient { BaseAddress = _host.BaseUrl };
        Simulator.UpsertOutlet(Brussels, "Make the CHANGE Bruxelles");
        Simulator.UpsertOutlet(Ghent, "Make the CHANGE Gent");
        Simulator.UpsertProduct(Honey, new ProductUpsert { Name = "Miel de fleurs 250 g", Sku = "MIEL-250", Price = 8.50m, SupplyPrice = 4m });
        Simulator.UpsertProduct(Soap, new ProductUpsert { Name = "Savon lavande", Sku = "SAVON-LAV", Price = 6m });
        Simulator.UpsertProduct(Candle, new ProductUpsert { Name = "Bougie cire d'abeille", Sku = "BOUGIE", Price = 12.10m });
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Control.Dispose();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Starts a receiver and subscribes it; <paramref name="extra"/> is more JSON members of the settings.</summary>
    protected async Task<WebhookReceiver> SubscribeAsync(string? clientSecret = ClientSecret, string signatureInput = "raw-body", string signatureEncoding = "hex", string extra = "")
    {
        _receiver = await WebhookReceiver.StartAsync();
        var secret = clientSecret is null ? "null" : $"\"{clientSecret}\"";
        var response = await Control.PutAsync(
            "simulator/webhooks",
            Json($$"""{"url":"{{_receiver.Url}}","clientSecret":{{secret}},"signatureInput":"{{signatureInput}}","signatureEncoding":"{{signatureEncoding}}"{{extra}}}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        return _receiver;
    }

    /// <summary>The delivery log once it holds <paramref name="count"/> entries: an attempt is logged only after the receiver answered it.</summary>
    protected async Task<IReadOnlyList<MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks.WebhookDeliveryAttempt>> DeliveriesAsync(int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (Simulator.GetWebhookDeliveries().Count < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Simulator.GetWebhookDeliveries();
    }

    protected async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await Api.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    protected async Task<JsonNode> ControlAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await Control.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    protected static string SaleOf(string sku, decimal quantity) =>
        $$"""{"lines":[{"sku":"{{sku}}","quantity":{{quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}""";

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static string[] Strings(JsonNode? array, string property) =>
        array is JsonArray items ? [.. items.Select(item => item![property]!.GetValue<string>())] : [];

    protected static long[] Versions(JsonNode? array) =>
        array is JsonArray items ? [.. items.Select(item => item!["version"]!.GetValue<long>())] : [];

    protected static void ShouldBeLightspeedError(JsonNode body, string error)
    {
        body["error"]!.GetValue<string>().ShouldBe(error);
        body["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
