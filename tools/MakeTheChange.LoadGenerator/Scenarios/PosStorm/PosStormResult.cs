using System.Globalization;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>What the pos-storm scenario measured (issue 5: till sale → hub level p99 ≤ 1 s for 50 stores).</summary>
internal sealed record PosStormResult(
    double TargetRate,
    double RungRate,
    TimeSpan Window,
    int Stores,
    int Skus,
    TillLatency Overall,
    VendorFigures Square,
    VendorFigures Lightspeed,
    LightspeedBudgetUse LightspeedBudget,
    TimeSpan InboxLongestEvent,
    long InboxBestSecond,
    TimeSpan? CaughtUpAfter,
    double HubCpuPerLine,
    double PostgresCpuPerLine,
    double GeneratorCpuPerLine,
    double GeneratorLagMs,
    int HubWarnings,
    string? FirstHubWarning,
    IReadOnlyList<InvariantCheck> Invariants)
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public bool MeetsTarget => Overall.P99 <= Target.TotalMilliseconds;

    public bool InvariantsHold => Invariants.All(check => check.Holds);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"pos-storm: {TargetRate:0} sales/s asked ({RungRate:0.0} rung, generator at most {GeneratorLagMs:0} ms late) for {Window.TotalSeconds:0} s measured, at {Stores} stores × {Skus} SKUs, " +
        $"half on Square, half on Lightspeed ({Square.SalesMeasured + Lightspeed.SalesMeasured} sales, {Overall.Lines} lines measured). " +
        $"Till sale → hub level: {Overall} overall, target p99 ≤ {Target.TotalMilliseconds:0} ms {(MeetsTarget ? "met" : "NOT met")}. " +
        $"{Square.Describe()}. {Lightspeed.Describe()}. " +
        $"{(CaughtUpAfter is { } caughtUp ? $"Every line was in the ledger {caughtUp.TotalSeconds:0.0} s after the tills stopped" : $"Lines were still missing {PosStormScenario.CatchUpLimit.TotalSeconds:0} s after the tills stopped")}. " +
        $"The hub's inbox lanes finished at most {InboxBestSecond} events in a second, and the slowest event held its connection's lane {InboxLongestEvent.TotalSeconds:0.0} s. " +
        $"{LightspeedBudget.Describe()}. " +
        $"CPU per sale line: hub {HubCpuPerLine:0} µs + PostgreSQL {PostgresCpuPerLine:0} µs (the simulators and tills, in the generator: {GeneratorCpuPerLine:0} µs). " +
        $"Hub warnings logged: {HubWarnings}{(FirstHubWarning is null ? string.Empty : $" (first: {FirstHubWarning})")}. " +
        $"Invariants {(InvariantsHold ? "hold" : "BROKEN")}: {string.Join("; ", Invariants.Select(check => $"{check.Name} {(check.Holds ? "holds" : "BROKEN")} ({check.Found})"))}.");
}
