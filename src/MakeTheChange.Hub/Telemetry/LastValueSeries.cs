using System.Diagnostics.Metrics;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>The last value of a gauge, or of an observed cumulative counter (which reports its own total).</summary>
internal sealed class LastValueSeries(KeyValuePair<string, object?>[] tags, string kind) : MetricSeries(tags)
{
    private double _value;
    private volatile bool _observed;

    public override void Record(double value)
    {
        Volatile.Write(ref _value, value);
        _observed = true;
    }

    public override InstrumentReading? Read(Instrument instrument, bool withBuckets) =>
        _observed ? InstrumentReading.OfValue(instrument, kind, Tags, Volatile.Read(ref _value)) : null;
}
