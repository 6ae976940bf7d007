namespace MakeTheChange.Connectors.Square.Simulator;

/// <summary>The simulated Square account (configuration section <c>Simulator</c> when run standalone).</summary>
public sealed class SquareSimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The token every /v2 request must send as <c>Authorization: Bearer</c>.</summary>
    public string AccessToken { get; set; } = "sim-square-token";

    /// <summary>The loopback port to listen on; null picks a free one (the in-process host).</summary>
    public int? Port { get; set; }

    public string MerchantId { get; set; } = "SIMMERCHANT";

    /// <summary>The <c>source.application_id</c> of changes made through the API, how the hub recognises its own writes.</summary>
    public string ApplicationId { get; set; } = "sim-app-hub";
}
