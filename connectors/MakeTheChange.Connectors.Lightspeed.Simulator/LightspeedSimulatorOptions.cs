namespace MakeTheChange.Connectors.Lightspeed.Simulator;

/// <summary>The simulated X-Series store (configuration section <c>Simulator</c> when run standalone).</summary>
public sealed class LightspeedSimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The token every /api request must send as <c>Authorization: Bearer</c>.</summary>
    public string AccessToken { get; set; } = "sim-lightspeed-token";

    /// <summary>The loopback port to listen on; null picks a free one (the in-process host).</summary>
    public int? Port { get; set; }

    /// <summary>The store's domain prefix, sent as the <c>domain_prefix</c> field of every webhook.</summary>
    public string DomainPrefix { get; set; } = "urbantherapy";

    /// <summary>The store's registers: the default rate budget is 300 × registers + 50 requests per 5 minutes (pos-apis.md §2.1).</summary>
    public int Registers { get; set; } = 1;
}
