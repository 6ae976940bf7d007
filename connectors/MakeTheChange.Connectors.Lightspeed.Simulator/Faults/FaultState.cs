using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

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

    /// <summary>
    /// Counts an /api request and decides how it is answered, in this order: an outage (503); a missing or
    /// wrong token (401), which uses no budget since X-Series limits "authorized API requests"
    /// (x-series-api.lightspeedhq.com/docs/rate_limiting); the rate limit (429, which uses no budget either,
    /// so the window frees up at the time <c>Retry-After</c> gives); the n-th request server error (500).
    /// </summary>
    public ApiAdmission Admit(string endpoint, bool authorized, SlidingWindowRateLimiter limiter, DateTimeOffset now)
    {
        _requests[endpoint] = _requests.GetValueOrDefault(endpoint) + 1;
        _totalRequests++;
        _sinceFaultsSet++;
        limiter.Observe(now);
        var latencyMs = Faults.LatencyMs ?? 0;
        if (Faults.Outage)
        {
            _serverErrors++;
            return new ApiAdmission(ApiFault.Outage, latencyMs, limiter.Settings.Limit, limiter.Remaining(now), RetryAt: null);
        }

        if (!authorized)
        {
            _unauthorized++;
            return new ApiAdmission(ApiFault.Unauthorized, latencyMs, limiter.Settings.Limit, limiter.Remaining(now), RetryAt: null);
        }

        var decision = limiter.TryAcquire(now);
        if (!decision.Admitted)
        {
            _rateLimited++;
            return new ApiAdmission(ApiFault.RateLimited, latencyMs, decision.Limit, decision.Remaining, decision.RetryAt);
        }

        if (Faults.ServerErrorEvery is > 0 and var every && _sinceFaultsSet % every == 0)
        {
            _serverErrors++;
            return new ApiAdmission(ApiFault.ServerError, latencyMs, decision.Limit, decision.Remaining, RetryAt: null);
        }

        return new ApiAdmission(ApiFault.None, latencyMs, decision.Limit, decision.Remaining, RetryAt: null)
        {
            LoseAnswer = Faults.LoseWriteAnswers && !endpoint.StartsWith("GET ", StringComparison.Ordinal),
        };
    }

    public SimulatorStats Snapshot(SlidingWindowRateLimiter limiter) => new(
        new Dictionary<string, long>(_requests, StringComparer.Ordinal),
        _totalRequests,
        _rateLimited,
        _serverErrors,
        _unauthorized,
        limiter.MaxRequestsInAnyWindow);
}
