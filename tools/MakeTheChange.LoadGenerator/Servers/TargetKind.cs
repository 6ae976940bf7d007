namespace MakeTheChange.LoadGenerator.Servers;

internal enum TargetKind
{
    /// <summary>The hub: grains over PostgreSQL, smart batching.</summary>
    Hub,

    /// <summary>tools/MakeTheChange.Baseline: one transaction per movement, same HTTP shape.</summary>
    Baseline,
}
