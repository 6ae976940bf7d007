namespace MakeTheChange.Hub;

/// <summary>The hub's own settings (configuration section <c>Hub</c>, environment <c>Hub__*</c>).</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>The key that grants every right (<c>Authorization: Bearer &lt;key&gt;</c>); at least 16 characters.</summary>
    public string? AdminApiKey { get; set; }
}
