using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Square.Simulator.Catalog;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

/// <summary>Each test gets its own simulator on loopback, seeded with two locations and three variations.</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    public const string Brussels = "LOC-BXL";
    public const string Ghent = "LOC-GNT";
    public const string Honey250 = "VAR-MIEL-250";
    public const string Honey = "VAR-MIEL";
    public const string Soap = "VAR-SAVON";
    public const string SignatureKey = "test-signature-key";

    private SquareSimulatorHost? _host;
    private WebhookReceiver? _receiver;

    protected SquareSimulatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

    protected SquareSimulator Simulator => Host.Simulator;

    protected HttpClient Api { get; private set; } = null!;

    protected HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await SquareSimulatorHost.StartAsync(new SquareSimulatorOptions());
        Api = new HttpClient { BaseAddress = _host.BaseUrl };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sim-square-token");
        Api.DefaultRequestHeaders.Add("Square-Version", "2025-08-20");
        Control = new HttpClient { BaseAddress = _host.BaseUrl };
        Simulator.UpsertLocation(Brussels, "Make the CHANGE Bruxelles");
        Simulator.UpsertLocation(Ghent, "Make the CHANGE Gent");
        Simulator.UpsertVariation(Honey250, new VariationUpsert { Name = "Miel de fleurs 250 g", Sku = "MIEL-250", PriceCents = 850 });
        Simulator.UpsertVariation(Honey, new VariationUpsert { Name = "Miel de fleurs 500 g", Sku = "MIEL", PriceCents = 1400 });
        Simulator.UpsertVariation(Soap, new VariationUpsert { Name = "Savon lavande", Sku = "SAVON-LAV", PriceCents = 600 });
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

    /// <summary>Starts a receiver and subscribes it with the given options.</summary>
    protected async Task<WebhookReceiver> SubscribeAsync(bool duplicate = false, bool reorder = false, int delayMs = 0)
    {
        _receiver = await WebhookReceiver.StartAsync();
        var response = await Control.PutAsync(
            "simulator/webhooks",
            Json($$"""{"notificationUrl":"{{_receiver.Url}}","signatureKey":"{{SignatureKey}}","duplicate":{{Bool(duplicate)}},"reorder":{{Bool(reorder)}},"delayMs":{{delayMs}}}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return _receiver;
    }

    protected async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string path, string json)
    {
        using var response = await Api.PostAsync(path, Json(json));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected async Task<JsonNode> ControlAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await Control.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>A BatchChangeInventory body with one NONE→IN_STOCK adjustment.</summary>
    protected static string Receive(string idempotencyKey, string variationId, string locationId, int quantity, DateTimeOffset? occurredAt = null, string? referenceId = null) =>
        $$"""
        {"idempotency_key":"{{idempotencyKey}}","changes":[{"type":"ADJUSTMENT","adjustment":{
          {{(referenceId is null ? string.Empty : $"\"reference_id\":\"{referenceId}\",")}}
          "catalog_object_id":"{{variationId}}","location_id":"{{locationId}}","from_state":"NONE","to_state":"IN_STOCK",
          "quantity":"{{quantity}}","occurred_at":"{{Time(occurredAt ?? DateTimeOffset.UtcNow)}}"} }]}
        """;

    protected static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static string Bool(bool value) => value ? "true" : "false";

    protected static string[] Strings(JsonNode? array, string property) =>
        array is JsonArray items ? [.. items.Select(item => item![property]!.GetValue<string>())] : [];

    protected static void ShouldBeSquareError(JsonNode body, string category, string code, string? field = null)
    {
        var error = body["errors"]!.AsArray().FirstOrDefault(entry => entry!["code"]!.GetValue<string>() == code);
        error.ShouldNotBeNull($"expected a {code} error in {body.ToJsonString()}");
        error["category"]!.GetValue<string>().ShouldBe(category);
        error["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        if (field is not null)
        {
            error["field"]!.GetValue<string>().ShouldBe(field);
        }
    }
}
