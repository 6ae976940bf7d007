namespace MakeTheChange.Hub;

/// <summary>The hub's own settings (configuration section <c>Hub</c>, environment <c>Hub__*</c>).</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>The key that grants every right (<c>Authorization: Bearer &lt;key&gt;</c>); at least 16 characters.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// The hub's public base URL. A POS connection's webhook URL defaults to it plus
    /// <c>/webhooks/{kind}/{connectionId}</c>: vendors sign that exact URL, so it is never rebuilt from a request.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
