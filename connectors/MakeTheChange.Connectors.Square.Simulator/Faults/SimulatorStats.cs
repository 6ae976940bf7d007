namespace MakeTheChange.Connectors.Square.Simulator.Faults;

/// <summary>What the /v2 API received and how often it answered with a fault (<c>GET /simulator/stats</c>).</summary>
public sealed record SimulatorStats(
    IReadOnlyDictionary<string, long> Requests,
    long TotalRequests,
    long RateLimited,
    long ServerErrors,
    long Unauthorized);
