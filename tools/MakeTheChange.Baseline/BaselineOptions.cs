namespace MakeTheChange.Baseline;

/// <summary>The <c>Baseline</c> configuration section.</summary>
public sealed class BaselineOptions
{
    public const string Section = "Baseline";

    /// <summary>The key callers send as <c>Authorization: Bearer &lt;key&gt;</c>, as for the hub.</summary>
    public string? AdminApiKey { get; set; }
}
