namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

/// <summary>
/// What the /api received and how it answered (<c>GET /simulator/stats</c>). <see cref="Requests"/> is keyed by
/// "METHOD /route", such as "GET /api/2.0/products/{productId}". <see cref="MaxRequestsInAnyWindow"/> is the
/// most /api requests (whatever their answer) that arrived within any one rate-limit window since the rate
/// limit was last set: a client stayed under budget when it is at most the limit.
/// </summary>
public sealed record SimulatorStats(
    IReadOnlyDictionary<string, long> Requests,
    long TotalRequests,
    long RateLimited,
    long ServerErrors,
    long Unauthorized,
    long MaxRequestsInAnyWindow);
