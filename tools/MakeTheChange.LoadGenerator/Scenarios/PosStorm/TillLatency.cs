using System.Globalization;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// Percentiles, in milliseconds, of a delay per sale line. A line that never arrived counts as infinitely
/// late, so a p99 that includes one says so rather than flattering the hub.
/// </summary>
internal sealed record TillLatency(int Lines, int Missing, double P50, double P95, double P99, double Max)
{
    public static TillLatency Of(IEnumerable<double> arrived, int missing)
    {
        var sorted = arrived.Concat(Enumerable.Repeat(double.PositiveInfinity, missing)).Order().ToList();
        if (sorted.Count == 0)
        {
            return new TillLatency(0, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new TillLatency(sorted.Count, missing, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Ms(P50)} / p95 {Ms(P95)} / p99 {Ms(P99)} / max {Ms(Max)} ms over {Lines} lines{(Missing > 0 ? $" ({Missing} missing)" : string.Empty)}");

    private static double At(List<double> sorted, double quantile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    private static string Ms(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNaN(value) ? "-" : value.ToString("0", CultureInfo.InvariantCulture);
}
