using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Control;
using MakeTheChange.Connectors.Square.Simulator.Faults;
using MakeTheChange.Connectors.Square.Simulator.Inventory;
using MakeTheChange.Connectors.Square.Simulator.Locations;
using MakeTheChange.Connectors.Square.Simulator.Orders;
using MakeTheChange.Connectors.Square.Simulator.Payments;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Simulator;

/// <summary>Builds the simulator's web app: the Square /v2 subset and the /simulator control API.</summary>
internal static class SquareSimulatorApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    public static WebApplication Build(WebApplicationBuilder builder, SquareSimulatorOptions options)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.AddSingleton<WebhookDeliveryLog>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton(services => new SquareSimulator(
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<WebhookOutbox>(),
            services.GetRequiredService<WebhookSender>(),
            services.GetRequiredService<WebhookDeliveryLog>()));
        builder.Services.AddHostedService<WebhookDeliveryService>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        var v2 = app.MapGroup("/v2").AddEndpointFilter<SquareApiGate>();
        v2.MapLocationsEndpoints();
        v2.MapCatalogEndpoints();
        v2.MapInventoryEndpoints();
        v2.MapOrdersEndpoints();
        v2.MapPaymentsEndpoints();
        app.MapSimulatorControl();
        return app;
    }

    /// <summary>Runs the simulator standalone until Ctrl+C, on <c>--urls</c> or <see cref="DefaultUrl"/>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // No appsettings.json of its own: it would be copied into the output of every project that references the simulator.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection(SquareSimulatorOptions.SectionName).Get<SquareSimulatorOptions>() ?? new SquareSimulatorOptions();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(options.Port is { } port ? $"http://127.0.0.1:{port}" : DefaultUrl);
        }

        await using var app = Build(builder, options);
        await app.StartAsync();
        var addresses = string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        SimulatorLog.Listening(app.Logger, addresses, options.MerchantId, options.AccessToken);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
