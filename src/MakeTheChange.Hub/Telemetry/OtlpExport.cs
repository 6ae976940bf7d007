using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// Exports metrics and traces over OTLP while the hub runs, when an endpoint is configured. The
/// providers are built by hand: OpenTelemetry.Extensions.Hosting and the Instrumentation packages do
/// not restore here (packages.md), and ASP.NET Core, HttpClient and Npgsql emit on their own anyway.
/// </summary>
internal sealed partial class OtlpExport(IOptions<HubTelemetryOptions> options, ILogger<OtlpExport> logger) : IHostedService, IDisposable
{
    public const string ServiceName = "make-the-change-hub";

    private static readonly string[] Meters =
    [
        "MakeTheChange.*",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "Npgsql",
        "System.Runtime",
    ];

    private static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql"];

    // Batches are counted in ones and tens, commits in milliseconds; the SDK's default boundaries
    // (0, 5, 10, 25, ...) would put nearly every measurement of a healthy hub in its first bucket.
    private static readonly double[] CountBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048];
    private static readonly double[] MillisecondBoundaries = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192];

    private MeterProvider? _meters;
    private TracerProvider? _traces;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.OtlpEndpoint is not { } endpoint)
        {
            return Task.CompletedTask;
        }

        var protocol = settings.OtlpProtocol == HubTelemetryOptions.GrpcProtocol ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        var interval = (int)settings.ExportInterval.TotalMilliseconds;
        var version = typeof(OtlpExport).Assembly.GetName().Version?.ToString();

        _meters = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .AddMeter(Meters)
            .AddView("hub.grains.calls_per_turn", new ExplicitBucketHistogramConfiguration { Boundaries = CountBoundaries })
            .AddView("hub.storage.activations_per_read", new ExplicitBucketHistogramConfiguration { Boundaries = CountBoundaries })
            .AddView("hub.storage.writes_per_transaction", new ExplicitBucketHistogramConfiguration { Boundaries = CountBoundaries })
            .AddView("hub.storage.transaction.duration", new ExplicitBucketHistogramConfiguration { Boundaries = MillisecondBoundaries })
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = protocol;
                exporter.Endpoint = SignalEndpoint(endpoint, protocol, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
            })
            .Build();
        _traces = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .AddSource(Sources)
            .AddOtlpExporter(exporter =>
            {
                exporter.Protocol = protocol;
                exporter.Endpoint = SignalEndpoint(endpoint, protocol, "v1/traces");
                exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
            })
            .Build();
        LogExporting(endpoint, settings.OtlpProtocol!, settings.ExportInterval);
        return Task.CompletedTask;
    }

    /// <summary>Sends what is still buffered (the last interval's metrics, the last spans) before the hub goes.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _meters?.Dispose();
        _meters = null;
        _traces?.Dispose();
        _traces = null;
    }

    /// <summary>
    /// The SDK appends the signal's path only to an endpoint it read from the environment itself; one set
    /// in code is used as it is. The hub's setting means what the variable means, so it appends too.
    /// </summary>
    private static Uri SignalEndpoint(Uri endpoint, OtlpExportProtocol protocol, string path) =>
        protocol == OtlpExportProtocol.Grpc
            ? endpoint
            : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exporting metrics and traces over OTLP ({Protocol}) to {Endpoint} every {Interval}")]
    private partial void LogExporting(Uri endpoint, string protocol, TimeSpan interval);
}
