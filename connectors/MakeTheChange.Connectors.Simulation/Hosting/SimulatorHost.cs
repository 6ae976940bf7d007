using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Connectors.Simulation.Hosting;

/// <summary>
/// A vendor simulator running in-process on loopback, for tests and the hub's demo: its root URL and its
/// C# control surface. A vendor's host derives from it and adds a typed <c>StartAsync</c>.
/// </summary>
/// <typeparam name="TSimulator">The vendor's state and control surface, a singleton of the app.</typeparam>
public abstract class SimulatorHost<TSimulator> : IAsyncDisposable
    where TSimulator : notnull
{
    private readonly WebApplication _app;

    /// <param name="app">The app <see cref="SimulatorApplication{TOptions}.StartOnLoopbackAsync"/> started.</param>
    protected SimulatorHost(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        Simulator = app.Services.GetRequiredService<TSimulator>();
    }

    /// <summary>The root URL, for example <c>http://127.0.0.1:41234/</c>; the control API is under <c>simulator/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The state and control surface, usable directly from C#.</summary>
    public TSimulator Simulator { get; }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
