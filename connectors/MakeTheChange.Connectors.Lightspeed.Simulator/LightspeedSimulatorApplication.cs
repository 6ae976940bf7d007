using MakeTheChange.Connectors.Lightspeed.Simulator.Control;
using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.Sales;
using MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>Builds the simulator's web app: the X-Series /api subset and the /simulator control API.</summary>
internal static class LightspeedSimulatorApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5091";

    public static WebApplication Build(WebApplicationBuilder builder, LightspeedSimulatorOptions options)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.AddSingleton<WebhookDeliveryLog>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton(services => new LightspeedSimulator(
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<WebhookOutbox>(),
            services.GetRequiredService<WebhookSender>(),
            services.GetRequiredService<WebhookDeliveryLog>()));
        builder.Services.AddHostedService<WebhookDeliveryService>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        var api = app.MapGroup("/api").AddEndpointFilter<LightspeedApiGate>();
        api.MapOutletsEndpoints();
        api.MapProductsEndpoints();
        api.MapInventoryEndpoints();
        api.MapSalesEndpoints();
        api.MapStockAdjustmentsEndpoints();
        app.MapSimulatorControl();
        return app;
    }

    /// <summary>Runs the simulator standalone until Ctrl+C, on <c>--urls</c> or <see cref="DefaultUrl"/>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // No appsettings.json of its own: it would be copied into the output of every project that references the simulator.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection(LightspeedSimulatorOptions.SectionName).Get<LightspeedSimulatorOptions>() ?? new LightspeedSimulatorOptions();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(options.Port is { } port ? $"http://127.0.0.1:{port}" : DefaultUrl);
        }

        await using var app = Build(builder, options);
        await app.StartAsync();
        var addresses = string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        SimulatorLog.Listening(app.Logger, addresses, options.DomainPrefix, options.AccessToken);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
