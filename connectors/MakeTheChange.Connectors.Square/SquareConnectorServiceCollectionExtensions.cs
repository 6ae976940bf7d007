using MakeTheChange.Connectors.Square.Inbound;
using MakeTheChange.Connectors.Square.Mapping;
using MakeTheChange.Connectors.Square.Outbound;
using MakeTheChange.Connectors.Square.Reconciliation;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace MakeTheChange.Connectors.Square;

public static class SquareConnectorServiceCollectionExtensions
{
    /// <summary>Adds the Square connector to a hub (the hub's connection plumbing must be added too).</summary>
    public static IServiceCollection AddSquareConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SquareConnectorOptions>().Bind(configuration.GetSection("Hub:Square"));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SquareConnectorOptions>>().Value);
        services.TryAddSingleton<ResiliencePipelineRegistry<string>>();
        services.AddHttpClient(SquareConnector.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .AddHttpMessageHandler(provider => new PosResilienceHandler(
                provider.GetRequiredService<ResiliencePipelineRegistry<string>>(),
                SquareConnector.HttpClientName,
                provider.GetRequiredService<SquareConnectorOptions>(),
                retryRateLimited: true,

                // Square's writes carry an idempotency key: sending one twice is harmless (pos-apis.md §1.1).
                isIdempotent: _ => true));
        services.AddSingleton<SquareItemMap>();
        services.AddSingleton<SquareCountMarks>();
        services.AddSingleton<SquareOrdersTakenIn>();
        services.AddSingleton<SquareOrderIngestion>();
        services.AddSingleton<SquareChangeFeed>();
        services.AddSingleton<SquareChangeFeedTurns>();
        services.AddSingleton<SquareEventProcessor>();
        services.AddSingleton<SquarePusher>();
        services.AddSingleton<SquareReconciler>();
        services.AddSingleton<IPosConnector, SquareConnector>();
        return services;
    }
}
