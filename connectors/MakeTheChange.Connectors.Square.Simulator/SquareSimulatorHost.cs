using MakeTheChange.Connectors.Simulation.Hosting;
using Microsoft.AspNetCore.Builder;

namespace MakeTheChange.Connectors.Square.Simulator;

/// <summary>
/// The simulator running in-process on loopback, for tests and the hub's demo: the Square API is under
/// <c>v2/</c> of <see cref="SimulatorHost{TSimulator}.BaseUrl"/>, the control API under <c>simulator/</c>.
/// </summary>
public sealed class SquareSimulatorHost : SimulatorHost<SquareSimulator>
{
    private SquareSimulatorHost(WebApplication app)
        : base(app)
    {
    }

    /// <summary>Starts Kestrel on <c>http://127.0.0.1:{options.Port ?? a free port}</c>.</summary>
    public static async Task<SquareSimulatorHost> StartAsync(SquareSimulatorOptions options, CancellationToken cancellationToken = default) =>
        new(await new SquareSimulatorApplication().StartOnLoopbackAsync(options, cancellationToken));
}
