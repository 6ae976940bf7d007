namespace MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

/// <summary>The budget in force and what is left of it now (<c>GET /simulator/ratelimit</c>).</summary>
public sealed record RateLimitStatus(int Limit, int WindowSeconds, int Remaining, long MaxRequestsInAnyWindow);
