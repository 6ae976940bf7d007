using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed;

/// <summary>Tuning of the Lightspeed X-Series connector (configuration section <c>Hub:Lightspeed</c>).</summary>
public sealed class LightspeedConnectorOptions : PosResilienceOptions
{
    /// <summary>How many times a read-modify-write of an absolute amount is tried again after a concurrent change.</summary>
    public int MaxWriteConflicts { get; set; } = 5;

    /// <summary>How many times a request refused with 429 waits out its Retry-After and is sent again.</summary>
    public int MaxRateLimitWaits { get; set; } = 5;
}
