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

namespace MakeTheChange.Hub.Tests.Simulators;

/// <summary>
/// A loopback endpoint that records every webhook POST to its path, answering 200 unless told otherwise.
/// What it records of a POST (the vendor's signature header, the body) is the vendor's <typeparamref name="TWebhook"/>.
/// </summary>
public sealed class WebhookReceiver<TWebhook> : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TWebhook> _received = new();
    private readonly ConcurrentQueue<int> _scriptedStatuses = new();
    private readonly ConcurrentQueue<Task> _heldAnswers = new();
    private readonly string _path;

    /// <summary>Builds the receiver for POSTs to <paramref name="path"/>; <paramref name="read"/> turns a request and its body into what the tests inspect.</summary>
    public WebhookReceiver(string path, Func<HttpRequest, byte[], TWebhook> read)
    {
        _path = path;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost(path, async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            _received.Enqueue(read(context.Request, buffer.ToArray()));
            if (_heldAnswers.TryDequeue(out var release))
            {
                await release;
            }

            return Results.StatusCode(_scriptedStatuses.TryDequeue(out var status) ? status : StatusCodes.Status200OK);
        });
    }

    /// <summary>The URL to subscribe, once started.</summary>
    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<TWebhook> Received => [.. _received];

    public async Task StartAsync()
    {
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = $"http://127.0.0.1:{new Uri(address).Port}{_path}";
    }

    /// <summary>The next deliveries are answered with these status codes, in order.</summary>
    public void AnswerNext(params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            _scriptedStatuses.Enqueue(statusCode);
        }
    }

    /// <summary>The next delivery is recorded at once but answered only once <paramref name="release"/> completes.</summary>
    public void HoldNextAnswerUntil(Task release) => _heldAnswers.Enqueue(release);

    public async Task<IReadOnlyList<TWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
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
