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

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

/// <summary>A loopback endpoint that records every webhook POST, answering 200 unless told otherwise.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received;
    private readonly ConcurrentQueue<int> _scriptedStatuses;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<ReceivedWebhook> received, ConcurrentQueue<int> scriptedStatuses, string url)
    {
        _app = app;
        _received = received;
        _scriptedStatuses = scriptedStatuses;
        Url = url;
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var received = new ConcurrentQueue<ReceivedWebhook>();
        var scripted = new ConcurrentQueue<int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/lightspeed/webhooks", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var signature = context.Request.Headers["X-Signature"];
            received.Enqueue(new ReceivedWebhook(
                signature.Count == 0 ? null : signature.ToString(),
                context.Request.ContentType ?? string.Empty,
                buffer.ToArray(),
                DateTimeOffset.UtcNow));
            return Results.StatusCode(scripted.TryDequeue(out var status) ? status : StatusCodes.Status200OK);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookReceiver(app, received, scripted, $"http://127.0.0.1:{new Uri(address).Port}/lightspeed/webhooks");
    }

    /// <summary>The next deliveries are answered with these status codes, in order.</summary>
    public void AnswerNext(params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            _scriptedStatuses.Enqueue(statusCode);
        }
    }

    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (_received.Count < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        _received.Count.ShouldBeGreaterThanOrEqualTo(count, $"expected {count} webhook deliveries");
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
