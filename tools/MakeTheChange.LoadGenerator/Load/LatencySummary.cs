namespace MakeTheChange.LoadGenerator.Load;

/// <summary>Percentiles of latencies, in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Max)
{
    public static readonly LatencySummary None = new(0, 0, 0, 0);

    public static LatencySummary Of(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return None;
        }

        ticks.Sort();
        return new(Ms(ticks, 0.50), Ms(ticks, 0.95), Ms(ticks, 0.99), ToMs(ticks[^1]));
    }

    private static double Ms(List<long> sorted, double quantile) =>
        ToMs(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)]);

    private static double ToMs(long ticks) => ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
