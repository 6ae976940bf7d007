using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>The simulator running in-process on loopback, for tests and the hub's demo.</summary>
public sealed class LightspeedSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LightspeedSimulatorHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Simulator = app.Services.GetRequiredService<LightspeedSimulator>();
    }

    /// <summary>The root URL, for example <c>http://127.0.0.1:41234/</c>; the X-Series API is under <c>api/</c>, the control API under <c>simulator/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The state and control surface, usable directly from C#.</summary>
    public LightspeedSimulator Simulator { get; }

    /// <summary>Starts Kestrel on <c>http://127.0.0.1:{options.Port ?? a free port}</c>.</summary>
    public static async Task<LightspeedSimulatorHost> StartAsync(LightspeedSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LightspeedSimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port ?? 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var started = LightspeedSimulatorApplication.Build(builder, options);
        try
        {
            await started.StartAsync(cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        var address = started.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LightspeedSimulatorHost(started, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
