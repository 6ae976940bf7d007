namespace MakeTheChange.Connectors.Square.Simulator.Faults;

/// <summary>
/// Faults of the /v2 API, switchable at run time (<c>PUT /simulator/faults</c>). A request answered
/// with a fault changes nothing. "Every n-th" counts the /v2 requests received since the faults were set.
/// </summary>
public sealed record SimulatorFaults
{
    /// <summary>Every n-th request answers 429 RATE_LIMITED (category RATE_LIMIT_ERROR).</summary>
    public int? RateLimitEvery { get; init; }

    /// <summary>Every request answers 429 RATE_LIMITED.</summary>
    public bool RateLimitAll { get; init; }

    /// <summary>Every n-th request answers 500 INTERNAL_SERVER_ERROR (category API_ERROR).</summary>
    public int? ServerErrorEvery { get; init; }

    /// <summary>Every answer is delayed by this many milliseconds.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>Every request answers 503 SERVICE_UNAVAILABLE.</summary>
    public bool Outage { get; init; }
}
