using System.Diagnostics.Metrics;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>The running sum of a counter (its total) or of an up-down counter (its value now).</summary>
internal sealed class SumSeries(KeyValuePair<string, object?>[] tags, string kind) : MetricSeries(tags)
{
    private double _sum;

    public override void Record(double value) => AtomicDouble.Add(ref _sum, value);

    public override InstrumentReading Read(Instrument instrument, bool withBuckets) =>
        InstrumentReading.OfValue(instrument, kind, Tags, Volatile.Read(ref _sum));
}
