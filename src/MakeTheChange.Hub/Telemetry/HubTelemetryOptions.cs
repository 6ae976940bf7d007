namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// Where the hub sends its metrics and traces (configuration section <c>Hub:Telemetry</c>). With no
/// endpoint, here or in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, nothing is exported and no exporter runs.
/// </summary>
public sealed class HubTelemetryOptions
{
    public const string Section = "Hub:Telemetry";

    public const string GrpcProtocol = "grpc";

    public const string HttpProtobufProtocol = "http/protobuf";

    /// <summary>
    /// The collector's base URL (<c>http://collector:4318</c> for http/protobuf, <c>:4317</c> for grpc).
    /// As with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, http/protobuf appends <c>/v1/metrics</c> and <c>/v1/traces</c>.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>http/protobuf</c> (the default) or <c>grpc</c>; falls back to <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>How often metrics are exported, and how long finished spans wait to be sent in one batch.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);
}
