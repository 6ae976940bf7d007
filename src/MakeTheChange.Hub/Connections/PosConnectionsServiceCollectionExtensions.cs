using MakeTheChange.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Hub.Connections;

public static class PosConnectionsServiceCollectionExtensions
{
    /// <summary>The plumbing every POS connector shares: connections, the inbox, parking, the push queue and their workers.</summary>
    public static GrainRuntimeBuilder AddPosConnections(this GrainRuntimeBuilder grains, IConfiguration configuration)
    {
        var services = grains.Services;
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection("Hub:Connectors"));
        services.AddSingleton<PosConnectionStore>();
        services.AddSingleton<PosConnectionSetup>();
        services.AddSingleton<PosConnectors>();
        services.AddSingleton<InboundEventInbox>();
        services.AddSingleton<ParkedEvents>();
        services.AddSingleton<PosPushes>();
        services.AddSingleton<PosMovements>();
        services.AddSingleton<ReconciliationBaseline>();
        services.AddSingleton<InboundEventWorker>();
        services.AddSingleton<PushWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<InboundEventWorker>());
        services.AddHostedService(provider => provider.GetRequiredService<PushWorker>());
        services.AddHostedService<ConnectionPoller>();
        return grains;
    }
}
