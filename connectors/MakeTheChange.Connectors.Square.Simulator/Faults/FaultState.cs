namespace MakeTheChange.Connectors.Square.Simulator.Faults;

/// <summary>The faults in force and the request counters. Not thread-safe: used under the simulator's lock.</summary>
internal sealed class FaultState
{
    private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);
    private long _totalRequests;
    private long _sinceFaultsSet;
    private long _rateLimited;
    private long _serverErrors;
    private long _unauthorized;

    public SimulatorFaults Faults { get; private set; } = new();

    public void Set(SimulatorFaults faults)
    {
        Faults = faults;
        _sinceFaultsSet = 0;
    }

    /// <summary>Counts a /v2 request and decides whether a fault answers it.</summary>
    public ApiFault Admit(string endpoint)
    {
        _requests[endpoint] = _requests.GetValueOrDefault(endpoint) + 1;
        _totalRequests++;
        _sinceFaultsSet++;
        var fault = Faults switch
        {
            { Outage: true } => ApiFault.Outage,
            { RateLimitAll: true } => ApiFault.RateLimited,
            { RateLimitEvery: > 0 and var every } when _sinceFaultsSet % every == 0 => ApiFault.RateLimited,
            { ServerErrorEvery: > 0 and var every } when _sinceFaultsSet % every == 0 => ApiFault.ServerError,
            _ => ApiFault.None,
        };
        if (fault == ApiFault.RateLimited)
        {
            _rateLimited++;
        }
        else if (fault != ApiFault.None)
        {
            _serverErrors++;
        }

        return fault;
    }

    public void CountUnauthorized() => _unauthorized++;

    public SimulatorStats Snapshot() =>
        new(new Dictionary<string, long>(_requests, StringComparer.Ordinal), _totalRequests, _rateLimited, _serverErrors, _unauthorized);
}
