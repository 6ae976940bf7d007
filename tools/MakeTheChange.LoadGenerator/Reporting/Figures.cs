namespace MakeTheChange.LoadGenerator.Reporting;

/// <summary>The medians over the runs of one scenario against one target.</summary>
internal sealed record Figures(double Throughput, double P50, double P95, double P99, double CpuPerOperation, double ServerCpu, double PostgresCpu, long Errors, long Refused, bool InvariantsHold)
{
    public static Figures Of(IReadOnlyList<RunResult> runs) => new(
        Median(runs.Select(run => run.Load.Throughput)),
        Median(runs.Select(run => run.Load.Latency.P50)),
        Median(runs.Select(run => run.Load.Latency.P95)),
        Median(runs.Select(run => run.Load.Latency.P99)),
        Median(runs.Select(run => run.CpuPerOperation)),
        Median(runs.Select(run => run.ServerCpuPerOperation)),
        Median(runs.Select(run => run.PostgresCpuPerOperation)),
        runs.Sum(run => run.Load.Errors),
        runs.Sum(run => run.Load.Refused),
        runs.All(run => run.InvariantsHold));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
