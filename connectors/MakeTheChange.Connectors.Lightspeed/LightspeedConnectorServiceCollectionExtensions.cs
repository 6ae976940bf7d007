using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Connectors.Lightspeed.Inbound;
using MakeTheChange.Connectors.Lightspeed.Mapping;
using MakeTheChange.Connectors.Lightspeed.Outbound;
using MakeTheChange.Connectors.Lightspeed.Reconciliation;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace MakeTheChange.Connectors.Lightspeed;

public static class LightspeedConnectorServiceCollectionExtensions
{
    /// <summary>Adds the Lightspeed X-Series connector to a hub (the hub's connection plumbing must be added too).</summary>
    public static IServiceCollection AddLightspeedConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LightspeedConnectorOptions>().Bind(configuration.GetSection("Hub:Lightspeed"));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<LightspeedConnectorOptions>>().Value);
        services.TryAddSingleton<ResiliencePipelineRegistry<string>>();
        services.AddSingleton<LightspeedRateGovernor>();
        services.AddHttpClient(LightspeedConnector.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(10))
            // The wait for a turn in the store's budget sits outside the per-attempt timeout: a request
            // held back by a 429 was never sent, and must not come back as a write of unknown outcome.
            .AddHttpMessageHandler(provider => new LightspeedRateLimitHandler(
                provider.GetRequiredService<LightspeedRateGovernor>(),
                provider.GetRequiredService<LightspeedConnectorOptions>(),
                provider.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(provider => new PosResilienceHandler(
                provider.GetRequiredService<ResiliencePipelineRegistry<string>>(),
                LightspeedConnector.HttpClientName,
                provider.GetRequiredService<LightspeedConnectorOptions>(),
                retryRateLimited: false,

                // No idempotency keys on Lightspeed's writes (pos-apis.md §2.5): only reads may be sent twice.
                isIdempotent: request => request.Method == HttpMethod.Get));
        services.AddSingleton<LightspeedProductMap>();
        services.AddSingleton<LightspeedInventoryMarks>();
        services.AddSingleton<LightspeedSalesFeed>();
        services.AddSingleton<LightspeedInventoryFeed>();
        services.AddSingleton<LightspeedPoller>();
        services.AddSingleton<LightspeedPollPacing>();
        services.AddSingleton<LightspeedEventProcessor>();
        services.AddSingleton<LightspeedPusher>();
        services.AddSingleton<LightspeedReconciler>();
        services.AddSingleton<IPosConnector, LightspeedConnector>();
        return services;
    }
}
