namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>
/// The <c>version</c> of a list answer: the lowest and highest version in <c>data</c>, both null when
/// <c>data</c> is empty (the 2026-07 spec's <c>Version</c> schema: "or null when the result set is empty").
/// </summary>
internal sealed record VersionRange(long? Min, long? Max)
{
    public static VersionRange Empty { get; } = new(Min: null, Max: null);
}
