using MakeTheChange.Connectors.Simulation.Hosting;
using Microsoft.AspNetCore.Builder;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>
/// The simulator running in-process on loopback, for tests and the hub's demo: the X-Series API is under
/// <c>api/</c> of <see cref="SimulatorHost{TSimulator}.BaseUrl"/>, the control API under <c>simulator/</c>.
/// </summary>
public sealed class LightspeedSimulatorHost : SimulatorHost<LightspeedSimulator>
{
    private LightspeedSimulatorHost(WebApplication app)
        : base(app)
    {
    }

    /// <summary>Starts Kestrel on <c>http://127.0.0.1:{options.Port ?? a free port}</c>.</summary>
    public static async Task<LightspeedSimulatorHost> StartAsync(LightspeedSimulatorOptions options, CancellationToken cancellationToken = default) =>
        new(await new LightspeedSimulatorApplication().StartOnLoopbackAsync(options, cancellationToken));
}
