using System.Net;
using MakeTheChange.LoadGenerator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Hub.Tests.LoadGenerator;

/// <summary>
/// The generator's socket client reads each answer to its end, whatever its framing, so that the next
/// request on the same keep-alive connection reads its own answer and not the rest of the last one.
/// </summary>
public sealed class RawHttpConnectionTests
{
    [Fact]
    public async Task Answers_framed_by_length_by_chunks_or_by_closing_are_read_whole_in_turn()
    {
        await using var server = await StartServerAsync();
        var requests = new HttpRequestBytes(server.Endpoint.ToString(), "key");
        using var connection = new RawHttpConnection(server.Endpoint);

        var statuses = new List<int>();
        foreach (var path in new[] { "/length", "/chunked", "/close", "/chunked", "/missing", "/length" })
        {
            statuses.Add(await connection.SendAsync(path == "/length" ? requests.Post(path, "{}") : requests.Get(path), CancellationToken.None));
        }

        statuses.ShouldBe([201, 200, 202, 200, 404, 201]);
        server.Connections.ShouldBe(2);
    }

    private static async Task<LoopbackServer> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Use(async (context, next) =>
        {
            server.Saw(context.Connection.Id);
            await next(context);
        });
        app.MapPost("/length", async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentLength = 1024;
            await context.Response.Body.WriteAsync(new byte[1024]);
        });
        app.MapGet("/chunked", async context =>
        {
            // Two flushes without a length: Kestrel answers in chunks, the first of 20,000 bytes.
            await context.Response.Body.WriteAsync(new byte[20_000]);
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync("end");
        });
        app.MapGet("/close", async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.Headers.Connection = "close";
            await context.Response.WriteAsync("bye");
        });
        await app.StartAsync();
        return server;
    }

    private sealed class LoopbackServer(WebApplication app) : IAsyncDisposable
    {
        private readonly HashSet<string> _connections = new(StringComparer.Ordinal);

        public IPEndPoint Endpoint => IPEndPoint.Parse(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority);

        public int Connections
        {
            get
            {
                lock (_connections)
                {
                    return _connections.Count;
                }
            }
        }

        public void Saw(string connectionId)
        {
            lock (_connections)
            {
                _connections.Add(connectionId);
            }
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
