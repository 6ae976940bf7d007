using MakeTheChange.Connectors.Simulation.Faults;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

/// <summary>The verdict on an /api request, with the rate-limit headers every answer carries.</summary>
internal sealed record ApiAdmission(ApiFault Fault, int LatencyMs, int Limit, int Remaining, DateTimeOffset? RetryAt)
{
    /// <summary>The request is carried out but never answered.</summary>
    public bool LoseAnswer { get; init; }
}
