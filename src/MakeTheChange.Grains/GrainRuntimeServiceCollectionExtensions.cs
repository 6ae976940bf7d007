using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Cluster;
using MakeTheChange.Grains.Diagnostics;
using MakeTheChange.Grains.Outbox;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Grains.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MakeTheChange.Grains;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime over the registered <see cref="Npgsql.NpgsqlDataSource"/>. Its background
    /// parts start in this order and stop in the reverse one: cluster signals, the write batcher
    /// (which stores every write it took before it stops), the collector, reminders, the outbox.
    /// </summary>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services)
    {
        var types = new GrainTypeRegistry();
        services.AddOptions<GrainRuntimeOptions>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(types);
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<GrainMetrics>();
        services.AddSingleton<GrainCatalog>();
        services.AddSingleton<ClusterSignals>();
        services.AddSingleton<WriteBatcher>();
        services.AddSingleton<ActivationCollector>();
        services.AddSingleton<ReminderSweeper>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(provider => new GrainFactory(provider.GetRequiredService<GrainTypeRegistry>().References));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ClusterSignals>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<WriteBatcher>());
        services.AddSingleton<IHostedService>(provider =>
        {
            // Binds the grain types to the runtime before anything can call a grain.
            provider.GetRequiredService<GrainRuntime>();
            return provider.GetRequiredService<ActivationCollector>();
        });
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ReminderSweeper>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<OutboxDispatcher>());
        return new GrainRuntimeBuilder(services, types);
    }
}
