using System.Net;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Square.Simulator.Catalog;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

/// <summary>Each test gets its own simulator on loopback, seeded with two locations and three variations.</summary>
public abstract class SimulatorTest : SimulatorTest<SquareSimulatorHost, SquareSimulator>
{
    public const string Brussels = "LOC-BXL";
    public const string Ghent = "LOC-GNT";
    public const string Honey250 = "VAR-MIEL-250";
    public const string Honey = "VAR-MIEL";
    public const string Soap = "VAR-SAVON";
    public const string SignatureKey = "test-signature-key";

    protected override string ApiAccessToken => "sim-square-token";

    protected override Task<SquareSimulatorHost> StartHostAsync() => SquareSimulatorHost.StartAsync(new SquareSimulatorOptions());

    protected override void PrepareApi(HttpClient api) => api.DefaultRequestHeaders.Add("Square-Version", "2025-08-20");

    protected override void Seed()
    {
        Simulator.UpsertLocation(Brussels, "Make the CHANGE Bruxelles");
        Simulator.UpsertLocation(Ghent, "Make the CHANGE Gent");
        Simulator.UpsertVariation(Honey250, new VariationUpsert { Name = "Miel de fleurs 250 g", Sku = "MIEL-250", PriceCents = 850 });
        Simulator.UpsertVariation(Honey, new VariationUpsert { Name = "Miel de fleurs 500 g", Sku = "MIEL", PriceCents = 1400 });
        Simulator.UpsertVariation(Soap, new VariationUpsert { Name = "Savon lavande", Sku = "SAVON-LAV", PriceCents = 600 });
    }

    /// <summary>Starts a receiver and subscribes it with the given options.</summary>
    protected Task<WebhookReceiver<ReceivedWebhook>> SubscribeAsync(bool duplicate = false, bool reorder = false, int delayMs = 0) =>
        SubscribeReceiverAsync(
            "/square/webhooks",
            ReceivedWebhook.Read,
            url => $$"""{"notificationUrl":"{{url}}","signatureKey":"{{SignatureKey}}","duplicate":{{Bool(duplicate)}},"reorder":{{Bool(reorder)}},"delayMs":{{delayMs}}}""");

    protected Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    /// <summary>A BatchChangeInventory body with one NONE→IN_STOCK adjustment.</summary>
    protected static string Receive(string idempotencyKey, string variationId, string locationId, int quantity, DateTimeOffset? occurredAt = null, string? referenceId = null) =>
        $$"""
        {"idempotency_key":"{{idempotencyKey}}","changes":[{"type":"ADJUSTMENT","adjustment":{
          {{(referenceId is null ? string.Empty : $"\"reference_id\":\"{referenceId}\",")}}
          "catalog_object_id":"{{variationId}}","location_id":"{{locationId}}","from_state":"NONE","to_state":"IN_STOCK",
          "quantity":"{{quantity}}","occurred_at":"{{Time(occurredAt ?? DateTimeOffset.UtcNow)}}"} }]}
        """;

    protected static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    protected static string Bool(bool value) => value ? "true" : "false";

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
