using System.Diagnostics.Metrics;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// A histogram's measurements since the hub started: sum, min, max and counts per <see cref="LogBuckets"/>
/// bucket, each updated with one interlocked operation (min and max rarely even that), so recording
/// on every grain turn and every transaction costs a few nanoseconds and never waits on a lock.
/// </summary>
internal sealed class HistogramSeries(KeyValuePair<string, object?>[] tags, bool integral) : MetricSeries(tags)
{
    private readonly long[] _counts = new long[LogBuckets.Count];
    private double _sum;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public override void Record(double value)
    {
        // Min, max and sum first: a reader that sees the count also sees them.
        AtomicDouble.Min(ref _min, value);
        AtomicDouble.Max(ref _max, value);
        AtomicDouble.Add(ref _sum, value);
        Interlocked.Increment(ref _counts[LogBuckets.IndexOf(value)]);
    }

    public override InstrumentReading Read(Instrument instrument, bool withBuckets)
    {
        Span<long> counts = stackalloc long[LogBuckets.Count];
        long total = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            counts[index] = Interlocked.Read(ref _counts[index]);
            total += counts[index];
        }

        if (total == 0)
        {
            return InstrumentReading.OfHistogram(instrument, Tags, 0, 0, null, null, null, null, null, withBuckets ? [] : null);
        }

        var min = Volatile.Read(ref _min);
        var max = Volatile.Read(ref _max);
        List<BucketReading>? buckets = null;
        if (withBuckets)
        {
            buckets = [];
            for (var index = 0; index < counts.Length; index++)
            {
                if (counts[index] > 0)
                {
                    var lower = LogBuckets.LowerBound(index);
                    var upper = index == LogBuckets.Count - 1 ? Math.Max(max, lower) : LogBuckets.UpperBound(index);
                    buckets.Add(new BucketReading(lower, upper, counts[index]));
                }
            }
        }

        return InstrumentReading.OfHistogram(
            instrument,
            Tags,
            total,
            Volatile.Read(ref _sum),
            min,
            max,
            LogBuckets.Quantile(counts, total, 0.50, min, max, integral),
            LogBuckets.Quantile(counts, total, 0.95, min, max, integral),
            LogBuckets.Quantile(counts, total, 0.99, min, max, integral),
            buckets);
    }
}
