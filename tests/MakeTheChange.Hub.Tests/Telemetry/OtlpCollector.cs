using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Hub.Tests.Telemetry;

/// <summary>
/// A loopback stand-in for an OpenTelemetry collector's OTLP/HTTP receiver: it records every export
/// POSTed to <c>/v1/{signal}</c> and accepts it (an empty protobuf message is a valid export response).
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpExportRequest> _received = new();

    private OtlpCollector(WebApplication app) => _app = app;

    /// <summary>The base URL, as one would set <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var collector = new OtlpCollector(builder.Build());
        collector._app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector._received.Enqueue(new OtlpExportRequest(signal, context.Request.ContentType, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await collector._app.StartAsync();
        var address = collector._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        collector.BaseUrl = $"http://127.0.0.1:{new Uri(address).Port}";
        return collector;
    }

    /// <summary>The exports of one signal (<c>metrics</c>, <c>traces</c>) received so far.</summary>
    public IReadOnlyList<OtlpExportRequest> Received(string signal) => [.. _received.Where(request => request.Signal == signal)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
