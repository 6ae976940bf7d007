using MakeTheChange.Connectors.Lightspeed.Simulator.Control;
using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.Sales;
using MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Connectors.Simulation.Hosting;
using MakeTheChange.Connectors.Simulation.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>The simulator's web app: the X-Series /api subset and the /simulator control API, hosted the shared way.</summary>
internal sealed class LightspeedSimulatorApplication : SimulatorApplication<LightspeedSimulatorOptions>
{
    protected override string DefaultUrl => "http://127.0.0.1:5091";

    protected override string ConfigurationSection => LightspeedSimulatorOptions.SectionName;

    protected override int? PortOf(LightspeedSimulatorOptions options) => options.Port;

    protected override void ConfigureServices(IServiceCollection services, LightspeedSimulatorOptions options)
    {
        services.AddWebhookDelivery<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt, LightspeedWebhookProtocol>();
        services.AddSingleton(provider => new LightspeedSimulator(
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<SimulatorWebhooks<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt>>()));
    }

    protected override void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<LightspeedApiGate>();
        api.MapOutletsEndpoints();
        api.MapProductsEndpoints();
        api.MapInventoryEndpoints();
        api.MapSalesEndpoints();
        api.MapStockAdjustmentsEndpoints();
        app.MapSimulatorControl();
    }

    protected override void LogListening(ILogger logger, string addresses, LightspeedSimulatorOptions options) =>
        SimulatorLog.Listening(logger, addresses, options.DomainPrefix, options.AccessToken);
}
