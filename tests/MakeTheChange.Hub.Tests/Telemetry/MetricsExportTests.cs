using MakeTheChange.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Telemetry;

public sealed class MetricsExportTests
{
    [Fact]
    public async Task Metrics_and_traces_reach_an_otlp_collector_when_one_is_configured()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Hub:Telemetry:OtlpEndpoint"] = collector.BaseUrl,
            ["Hub:Telemetry:ExportInterval"] = "00:00:00.200",
        });
        await hub.Client.CatalogAsync("otlp", "MET-E");

        await hub.Client.ReceiveAsync("MET-E", "otlp", 6);

        var metrics = await Eventually.ReturnsAsync(
            () => Task.FromResult(collector.Received("metrics")),
            received => received.Any(export => export.Mentions("hub.storage.writes_per_transaction")),
            TimeSpan.FromSeconds(15));
        var export = metrics.FirstOrDefault(export => export.Mentions("hub.storage.writes_per_transaction"));
        export.ShouldNotBeNull($"{metrics.Count} metric exports arrived, none with the grain runtime's instruments");
        export.ContentType.ShouldBe("application/x-protobuf");
        export.Mentions("make-the-change-hub").ShouldBeTrue();
        var traces = await Eventually.ReturnsAsync(
            () => Task.FromResult(collector.Received("traces")),
            received => received.Any(trace => trace.Mentions("Microsoft.AspNetCore")),
            TimeSpan.FromSeconds(15));
        traces.ShouldContain(trace => trace.Mentions("Microsoft.AspNetCore") && trace.ContentType == "application/x-protobuf");
    }

    [Fact]
    public async Task The_hub_refuses_to_start_with_an_unknown_otlp_protocol()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => TestHub.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Hub:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4318",
            ["Hub:Telemetry:OtlpProtocol"] = "http/json",
        }));

        failure.Message.ShouldContain("Hub:Telemetry:OtlpProtocol");
    }
}
