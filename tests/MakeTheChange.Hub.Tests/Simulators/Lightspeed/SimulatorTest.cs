using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

/// <summary>Each test gets its own simulator on loopback, seeded with two outlets and three products.</summary>
public abstract class SimulatorTest : SimulatorTest<LightspeedSimulatorHost, LightspeedSimulator>
{
    public const string Brussels = "0a1b2c3d-0000-4000-8000-000000000001";
    public const string Ghent = "0a1b2c3d-0000-4000-8000-000000000002";
    public const string Honey = "5e6f7a8b-0000-4000-8000-000000000001";
    public const string Soap = "5e6f7a8b-0000-4000-8000-000000000002";
    public const string Candle = "5e6f7a8b-0000-4000-8000-000000000003";
    public const string ClientSecret = "test-client-secret";
    public const string AccessToken = "sim-lightspeed-token";

    protected override string ApiAccessToken => AccessToken;

    protected override Task<LightspeedSimulatorHost> StartHostAsync() => LightspeedSimulatorHost.StartAsync(new LightspeedSimulatorOptions());

    protected override void Seed()
    {
        Simulator.UpsertOutlet(Brussels, "Make the CHANGE Bruxelles");
        Simulator.UpsertOutlet(Ghent, "Make the CHANGE Gent");
        Simulator.UpsertProduct(Honey, new ProductUpsert { Name = "Miel de fleurs 250 g", Sku = "MIEL-250", Price = 8.50m, SupplyPrice = 4m });
        Simulator.UpsertProduct(Soap, new ProductUpsert { Name = "Savon lavande", Sku = "SAVON-LAV", Price = 6m });
        Simulator.UpsertProduct(Candle, new ProductUpsert { Name = "Bougie cire d'abeille", Sku = "BOUGIE", Price = 12.10m });
    }

    /// <summary>Starts a receiver and subscribes it; <paramref name="extra"/> is more JSON members of the settings.</summary>
    protected Task<WebhookReceiver<ReceivedWebhook>> SubscribeAsync(string? clientSecret = ClientSecret, string signatureInput = "raw-body", string signatureEncoding = "hex", string extra = "")
    {
        var secret = clientSecret is null ? "null" : $"\"{clientSecret}\"";
        return SubscribeReceiverAsync(
            "/lightspeed/webhooks",
            ReceivedWebhook.Read,
            url => $$"""{"url":"{{url}}","clientSecret":{{secret}},"signatureInput":"{{signatureInput}}","signatureEncoding":"{{signatureEncoding}}"{{extra}}}""");
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

    protected static string SaleOf(string sku, decimal quantity) =>
        $$"""{"lines":[{"sku":"{{sku}}","quantity":{{quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}""";

    protected static long[] Versions(JsonNode? array) =>
        array is JsonArray items ? [.. items.Select(item => item!["version"]!.GetValue<long>())] : [];

    protected static void ShouldBeLightspeedError(JsonNode body, string error)
    {
        body["error"]!.GetValue<string>().ShouldBe(error);
        body["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
