namespace MakeTheChange.Connectors.Simulation.Faults;

/// <summary>
/// What a simulated vendor API received and how often it answered with a fault, the figures behind
/// <c>GET /simulator/stats</c>. Not thread-safe: used under the simulator's lock.
/// </summary>
public sealed class ApiRequestCounters
{
    private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);

    public long TotalRequests { get; private set; }

    /// <summary>The requests received since the faults were last set: what "every n-th request" faults count.</summary>
    public long SinceFaultsSet { get; private set; }

    public long RateLimited { get; private set; }

    public long ServerErrors { get; private set; }

    public long Unauthorized { get; private set; }

    /// <summary>Counts a request to <paramref name="endpoint"/> (see <see cref="ApiEndpointKey"/>).</summary>
    public void Count(string endpoint)
    {
        _requests[endpoint] = _requests.GetValueOrDefault(endpoint) + 1;
        TotalRequests++;
        SinceFaultsSet++;
    }

    /// <summary>New faults are in force: "every n-th request" counts from now.</summary>
    public void RestartFaultCount() => SinceFaultsSet = 0;

    public void CountRateLimited() => RateLimited++;

    public void CountServerError() => ServerErrors++;

    public void CountUnauthorized() => Unauthorized++;

    /// <summary>A copy of the requests per endpoint, for a stats answer.</summary>
    public Dictionary<string, long> RequestsByEndpoint() => new(_requests, StringComparer.Ordinal);
}
