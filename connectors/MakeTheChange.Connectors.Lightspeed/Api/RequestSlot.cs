namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>One request's place in its store's rate window (<see cref="LightspeedRateGovernor"/>).</summary>
internal sealed class RequestSlot(Lock gate)
{
    /// <summary>Guards <see cref="AnsweredAt"/>: the store's lock.</summary>
    public Lock Gate { get; } = gate;

    /// <summary>When the answer came; null while the request is in flight.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
}
