using System.Net.Http.Headers;
using System.Net.Http.Json;
using MakeTheChange.Grains;
using MakeTheChange.Hub.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>A hub running in this process on a real loopback port, over a database of its own (or a given one).</summary>
public sealed class TestHub : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";

    private TestHub(WebApplication app, string connectionString)
    {
        App = app;
        ConnectionString = connectionString;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public WebApplication App { get; }

    public string ConnectionString { get; }

    public HttpClient Client { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestHub> StartAsync(string? connectionString = null, IDictionary<string, string?>? settings = null)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync();
        var app = await HubApplication.CreateAsync(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration["ConnectionStrings:Hub"] = connectionString;
                builder.Configuration["Hub:AdminApiKey"] = AdminKey;
                foreach (var (key, value) in settings ?? new Dictionary<string, string?>(StringComparer.Ordinal))
                {
                    builder.Configuration[key] = value;
                }

                builder.Logging.ClearProviders();
                builder.Logging.AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Warning);
            },
            InstalledModules.All);
        await app.StartAsync();
        return new TestHub(app, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
