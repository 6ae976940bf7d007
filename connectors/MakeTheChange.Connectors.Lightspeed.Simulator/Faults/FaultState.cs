using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;
using MakeTheChange.Connectors.Simulation.Faults;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

/// <summary>The /api faults in force and the request counters. Not thread-safe: used under the simulator's lock.</summary>
internal sealed class FaultState : ApiFaultState<SimulatorFaults>
{
    /// <summary>
    /// Counts an /api request and decides how it is answered, in this order: an outage (503); a missing or
    /// wrong token (401), which uses no budget since X-Series limits "authorized API requests"
    /// (x-series-api.lightspeedhq.com/docs/rate_limiting); the rate limit (429, which uses no budget either,
    /// so the window frees up at the time <c>Retry-After</c> gives); the n-th request server error (500).
    /// </summary>
    public ApiAdmission Admit(string endpoint, bool authorized, SlidingWindowRateLimiter limiter, DateTimeOffset now)
    {
        Counters.Count(endpoint);
        limiter.Observe(now);
        var latencyMs = Faults.LatencyMs ?? 0;
        if (Faults.Outage)
        {
            Counters.CountServerError();
            return new ApiAdmission(ApiFault.Outage, latencyMs, limiter.Settings.Limit, limiter.Remaining(now), RetryAt: null);
        }

        if (!authorized)
        {
            Counters.CountUnauthorized();
            return new ApiAdmission(ApiFault.Unauthorized, latencyMs, limiter.Settings.Limit, limiter.Remaining(now), RetryAt: null);
        }

        var decision = limiter.TryAcquire(now);
        if (!decision.Admitted)
        {
            Counters.CountRateLimited();
            return new ApiAdmission(ApiFault.RateLimited, latencyMs, decision.Limit, decision.Remaining, decision.RetryAt);
        }

        if (Faults.ServerErrorEvery is > 0 and var every && Counters.SinceFaultsSet % every == 0)
        {
            Counters.CountServerError();
            return new ApiAdmission(ApiFault.ServerError, latencyMs, decision.Limit, decision.Remaining, RetryAt: null);
        }

        return new ApiAdmission(ApiFault.None, latencyMs, decision.Limit, decision.Remaining, RetryAt: null)
        {
            LoseAnswer = Faults.LoseWriteAnswers && !endpoint.StartsWith("GET ", StringComparison.Ordinal),
        };
    }

    public SimulatorStats Snapshot(SlidingWindowRateLimiter limiter) => new(
        Counters.RequestsByEndpoint(),
        Counters.TotalRequests,
        Counters.RateLimited,
        Counters.ServerErrors,
        Counters.Unauthorized,
        limiter.MaxRequestsInAnyWindow);
}
