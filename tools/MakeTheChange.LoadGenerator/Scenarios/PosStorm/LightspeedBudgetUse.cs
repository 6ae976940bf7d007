using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// How much of the Lightspeed store's request budget the hub used. A short storm fits in one window
/// whatever the rate; <see cref="RequestsPerSecond"/> against <see cref="SustainablePerSecond"/> says
/// whether a long one would.
/// </summary>
internal sealed record LightspeedBudgetUse(long Requests, double RequestsPerSecond, long RateLimited, RateLimitStatus Budget)
{
    public double SustainablePerSecond => (double)Budget.Limit / Budget.WindowSeconds;

    public bool Exhausted => Budget.MaxRequestsInAnyWindow >= Budget.Limit;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Lightspeed API: {Requests} requests by the hub, {RequestsPerSecond:0.0}/s while measured (the store's {Budget.Limit} per {Budget.WindowSeconds} s sustain {SustainablePerSecond:0.0}/s; " +
        $"at most {Budget.MaxRequestsInAnyWindow} in any window{(Exhausted ? ": all of it, so the hub's governor held requests back" : string.Empty)}), " +
        $"{(RateLimited == 0 ? "no 429" : $"{RateLimited} answered 429")}");
}
