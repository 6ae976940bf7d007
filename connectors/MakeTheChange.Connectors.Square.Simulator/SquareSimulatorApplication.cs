using MakeTheChange.Connectors.Simulation.Hosting;
using MakeTheChange.Connectors.Simulation.Webhooks;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Control;
using MakeTheChange.Connectors.Square.Simulator.Faults;
using MakeTheChange.Connectors.Square.Simulator.Inventory;
using MakeTheChange.Connectors.Square.Simulator.Locations;
using MakeTheChange.Connectors.Square.Simulator.Orders;
using MakeTheChange.Connectors.Square.Simulator.Payments;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Simulator;

/// <summary>The simulator's web app: the Square /v2 subset and the /simulator control API, hosted the shared way.</summary>
internal sealed class SquareSimulatorApplication : SimulatorApplication<SquareSimulatorOptions>
{
    protected override string DefaultUrl => "http://127.0.0.1:5090";

    protected override string ConfigurationSection => SquareSimulatorOptions.SectionName;

    protected override int? PortOf(SquareSimulatorOptions options) => options.Port;

    protected override void ConfigureServices(IServiceCollection services, SquareSimulatorOptions options)
    {
        services.AddWebhookDelivery<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt, SquareWebhookProtocol>();
        services.AddSingleton(provider => new SquareSimulator(
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<SimulatorWebhooks<WebhookSubscription, WebhookEvent, WebhookDeliveryAttempt>>()));
    }

    protected override void MapEndpoints(WebApplication app)
    {
        var v2 = app.MapGroup("/v2").AddEndpointFilter<SquareApiGate>();
        v2.MapLocationsEndpoints();
        v2.MapCatalogEndpoints();
        v2.MapInventoryEndpoints();
        v2.MapOrdersEndpoints();
        v2.MapPaymentsEndpoints();
        app.MapSimulatorControl();
    }

    protected override void LogListening(ILogger logger, string addresses, SquareSimulatorOptions options) =>
        SimulatorLog.Listening(logger, addresses, options.MerchantId, options.AccessToken);
}
