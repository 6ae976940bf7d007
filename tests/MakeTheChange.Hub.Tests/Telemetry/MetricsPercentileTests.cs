using MakeTheChange.Hub.Telemetry;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Telemetry;

public sealed class MetricsPercentileTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(31)]
    public void Small_integers_have_exact_percentiles(int value)
    {
        var (p50, p99) = Percentiles([value, value, value], integral: true);

        p50.ShouldBe(value);
        p99.ShouldBe(value);
    }

    [Fact]
    public void Batch_sizes_have_integer_percentiles_from_their_own_buckets()
    {
        var (p50, p99) = Percentiles([.. Enumerable.Repeat(1.0, 60), .. Enumerable.Repeat(4.0, 39), 20], integral: true);

        p50.ShouldBe(1);
        p99.ShouldBe(4);
    }

    [Fact]
    public void Latencies_over_several_scales_are_within_a_bucket_of_the_true_percentile()
    {
        var values = Enumerable.Range(1, 10_000).Select(i => i / 100.0).ToArray();

        var (p50, p99) = Percentiles(values, integral: false);

        p50.ShouldBe(50, tolerance: 50 / 16.0);
        p99.ShouldBe(99, tolerance: 99 / 16.0);
    }

    [Fact]
    public void Zero_and_huge_values_land_in_the_edge_buckets_without_breaking_the_summary()
    {
        var (p50, p99) = Percentiles([0, 0, 0, 1e12], integral: false);

        p50.ShouldBeLessThan(0.001);
        p99.ShouldBe(1e12, tolerance: 1e12 * 0.05);
    }

    private static (double P50, double P99) Percentiles(double[] values, bool integral)
    {
        var counts = new long[LogBuckets.Count];
        foreach (var value in values)
        {
            counts[LogBuckets.IndexOf(value)]++;
        }

        return (
            LogBuckets.Quantile(counts, values.Length, 0.50, values.Min(), values.Max(), integral),
            LogBuckets.Quantile(counts, values.Length, 0.99, values.Min(), values.Max(), integral));
    }
}
