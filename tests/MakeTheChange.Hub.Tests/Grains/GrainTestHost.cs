using MakeTheChange.Grains;
using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Outbox;
using MakeTheChange.Grains.Reminders;
using MakeTheChange.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>The grain runtime alone, in a generic host, with the test grain registered, over a real database.</summary>
internal sealed class GrainTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainTestHost(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public IServiceProvider Services => _host.Services;

    public ICounterGrain Counter(string key) => Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(key);

    public ConcurrencyProbe Probe => Services.GetRequiredService<ConcurrencyProbe>();

    internal CounterStorage Storage => Services.GetRequiredService<CounterStorage>();

    public RecordingOutboxHandler Outbox => Services.GetRequiredService<RecordingOutboxHandler>();

    internal GrainCatalog Catalog => Services.GetRequiredService<GrainCatalog>();

    internal ActivationCollector Collector => Services.GetRequiredService<ActivationCollector>();

    internal ReminderSweeper Reminders => Services.GetRequiredService<ReminderSweeper>();

    public static async Task<GrainTestHost> StartAsync(string? connectionString = null, IDictionary<string, string?>? settings = null)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using var command = dataSource.CreateCommand(CounterStorage.Schema + RecordingOutboxHandler.Schema);
            await command.ExecuteNonQueryAsync();
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>(StringComparer.Ordinal));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<ConcurrencyProbe>();
        builder.Services.AddSingleton<RecordingOutboxHandler>();
        builder.Services.AddSingleton<CounterStorage>();
        builder.Services.AddOptions<GrainRuntimeOptions>().Bind(builder.Configuration.GetSection("Grains"));
        builder.Services.AddGrainRuntime()
            .AddGrain<ICounterGrain, CounterGrain, CounterState>(
                CounterGrain.TypeName,
                reference => new CounterGrainReference(reference),
                provider => provider.GetRequiredService<CounterStorage>());
        builder.Services.AddSingleton<IOutboxHandler>(provider => provider.GetRequiredService<RecordingOutboxHandler>());
        var host = builder.Build();
        await host.StartAsync();
        return new GrainTestHost(host, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
