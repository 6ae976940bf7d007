using System.Text.Json;
using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Cluster;
using MakeTheChange.Grains.Diagnostics;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Grains.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Grains;

/// <summary>The services every activation of this node shares.</summary>
internal sealed class GrainRuntime
{
    public GrainRuntime(
        GrainTypeRegistry types,
        GrainCatalog catalog,
        WriteBatcher batcher,
        ClusterSignals signals,
        GrainMetrics metrics,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider clock,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        Catalog = catalog;
        Batcher = batcher;
        Signals = signals;
        Metrics = metrics;
        Options = options.Value;
        Clock = clock;
        Services = services;
        LoggerFactory = loggerFactory;
        types.Bind(this);
    }

    public GrainCatalog Catalog { get; }

    public WriteBatcher Batcher { get; }

    public ClusterSignals Signals { get; }

    public GrainMetrics Metrics { get; }

    public GrainRuntimeOptions Options { get; }

    public TimeProvider Clock { get; }

    public IServiceProvider Services { get; }

    public ILoggerFactory LoggerFactory { get; }

    public JsonSerializerOptions JsonOptions { get; } = JsonSerializerOptions.Web;

    public IGrainFactory GrainFactory => field ??= (IGrainFactory)Services.GetService(typeof(IGrainFactory))!;

    public GrainTransaction BeginTransaction() => new(Batcher, Options.TransactionTimeout, Clock);
}
