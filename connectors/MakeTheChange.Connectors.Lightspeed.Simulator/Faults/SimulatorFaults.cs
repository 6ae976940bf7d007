namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

/// <summary>
/// Faults of the /api, switchable at run time (<c>PUT /simulator/faults</c>). A request answered with a
/// fault changes nothing. "Every n-th" counts the /api requests received since the faults were set.
/// Rate limiting is not a fault here: it is the real budget, made small with <c>PUT /simulator/ratelimit</c>.
/// </summary>
public sealed record SimulatorFaults
{
    /// <summary>Every n-th request answers 500.</summary>
    public int? ServerErrorEvery { get; init; }

    /// <summary>Every answer is delayed by this many milliseconds.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>Every request answers 503.</summary>
    public bool Outage { get; init; }

    /// <summary>
    /// Every write is applied, then its answer never comes (the connection hangs until the client gives
    /// up): the case where a client cannot know whether its write landed.
    /// </summary>
    public bool LoseWriteAnswers { get; init; }
}
