using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakeTheChange.Hub.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The metrics snapshot behind <c>GET /api/metrics</c> (always on) and the OTLP export (only when an
    /// endpoint is configured). Registered before the grain runtime, so both listen before its first
    /// measurement and the export stops after the runtime's last one.
    /// </summary>
    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubTelemetryOptions>()
            .Bind(configuration.GetSection(HubTelemetryOptions.Section))
            .PostConfigure(options =>
            {
                // The standard variables, so a collector set up for any OpenTelemetry SDK also serves the hub.
                if (options.OtlpEndpoint is null && Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var endpoint))
                {
                    options.OtlpEndpoint = endpoint;
                }

                options.OtlpProtocol ??= configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? HubTelemetryOptions.HttpProtobufProtocol;
            })
            .Validate(
                options => options.OtlpEndpoint is null
                    || (options.OtlpEndpoint.IsAbsoluteUri && options.OtlpEndpoint.Scheme is "http" or "https"),
                "Hub:Telemetry:OtlpEndpoint must be an absolute http or https URL, such as http://collector:4318.")
            .Validate(
                options => options.OtlpEndpoint is not null || string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
                "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URL, such as http://collector:4318.")
            .Validate(
                options => options.OtlpProtocol is HubTelemetryOptions.GrpcProtocol or HubTelemetryOptions.HttpProtobufProtocol,
                "Hub:Telemetry:OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) is grpc or http/protobuf.")
            .Validate(
                options => options.ExportInterval > TimeSpan.Zero && options.ExportInterval.TotalMilliseconds <= int.MaxValue,
                "Hub:Telemetry:ExportInterval must be positive, such as 00:00:15.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HubMetricsSnapshot>();
        services.AddHostedService(provider => provider.GetRequiredService<HubMetricsSnapshot>());
        services.AddHostedService<OtlpExport>();
        return services;
    }
}
