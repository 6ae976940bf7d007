using MakeTheChange.Connectors.Simulation.Faults;

namespace MakeTheChange.Connectors.Square.Simulator.Faults;

/// <summary>The /v2 faults in force and the request counters. Not thread-safe: used under the simulator's lock.</summary>
internal sealed class FaultState : ApiFaultState<SimulatorFaults>
{
    /// <summary>Counts a /v2 request and decides whether a fault answers it.</summary>
    public ApiFault Admit(string endpoint)
    {
        Counters.Count(endpoint);
        var sinceFaultsSet = Counters.SinceFaultsSet;
        var fault = Faults switch
        {
            { Outage: true } => ApiFault.Outage,
            { RateLimitAll: true } => ApiFault.RateLimited,
            { RateLimitEvery: > 0 and var every } when sinceFaultsSet % every == 0 => ApiFault.RateLimited,
            { ServerErrorEvery: > 0 and var every } when sinceFaultsSet % every == 0 => ApiFault.ServerError,
            _ => ApiFault.None,
        };
        if (fault == ApiFault.RateLimited)
        {
            Counters.CountRateLimited();
        }
        else if (fault != ApiFault.None)
        {
            Counters.CountServerError();
        }

        return fault;
    }

    public void CountUnauthorized() => Counters.CountUnauthorized();

    public SimulatorStats Snapshot() =>
        new(Counters.RequestsByEndpoint(), Counters.TotalRequests, Counters.RateLimited, Counters.ServerErrors, Counters.Unauthorized);
}
