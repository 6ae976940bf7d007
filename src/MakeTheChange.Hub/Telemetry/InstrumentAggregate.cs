using System.Diagnostics.Metrics;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// One instrument's series, one per tag set. The series array is replaced, never changed, so the
/// recording path reads it without a lock; only a tag set seen for the first time takes one.
/// </summary>
internal sealed class InstrumentAggregate
{
    /// <summary>Past this many tag sets, measurements share one overflow series (OpenTelemetry's cardinality limit).</summary>
    private const int MaxSeries = 100;

    private static readonly KeyValuePair<string, object?>[] OverflowTags = [new("otel.metric.overflow", true)];

    private readonly Func<KeyValuePair<string, object?>[], MetricSeries> _create;
    private readonly bool _emptyIsReading;
    private readonly Lock _adding = new();
    private MetricSeries[] _series = [];

    private InstrumentAggregate(Instrument instrument, Func<KeyValuePair<string, object?>[], MetricSeries> create, bool emptyIsReading)
    {
        Instrument = instrument;
        _create = create;
        _emptyIsReading = emptyIsReading;
    }

    public Instrument Instrument { get; }

    /// <summary>How an instrument is summarised, by its type; null for a type this snapshot does not know.</summary>
    public static InstrumentAggregate? For(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var measured = type.GetGenericArguments()[0];
        var integral = measured == typeof(byte) || measured == typeof(short) || measured == typeof(int) || measured == typeof(long);
        if (definition == typeof(Histogram<>))
        {
            return new(instrument, tags => new HistogramSeries(tags, integral), emptyIsReading: true);
        }

        if (definition == typeof(Counter<>))
        {
            return new(instrument, tags => new SumSeries(tags, MetricKinds.Counter), emptyIsReading: true);
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return new(instrument, tags => new SumSeries(tags, MetricKinds.Gauge), emptyIsReading: true);
        }

        if (definition == typeof(ObservableCounter<>))
        {
            return new(instrument, tags => new LastValueSeries(tags, MetricKinds.Counter), emptyIsReading: false);
        }

        if (definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>) || definition == typeof(ObservableUpDownCounter<>))
        {
            return new(instrument, tags => new LastValueSeries(tags, MetricKinds.Gauge), emptyIsReading: false);
        }

        return null;
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (double.IsFinite(value))
        {
            Find(tags).Record(value);
        }
    }

    /// <summary>
    /// Every series now, ordered by tags. A counter or histogram that recorded nothing yet still reads
    /// as zero, so a reader comparing two snapshots finds it in both.
    /// </summary>
    public IEnumerable<InstrumentReading> Read(bool withBuckets)
    {
        var series = Volatile.Read(ref _series);
        if (series.Length == 0)
        {
            return _emptyIsReading && _create([]).Read(Instrument, withBuckets) is { } empty ? [empty] : [];
        }

        return series
            .OrderBy(one => one.TagsText, StringComparer.Ordinal)
            .Select(one => one.Read(Instrument, withBuckets))
            .OfType<InstrumentReading>()
            .ToList();
    }

    private MetricSeries Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var series in Volatile.Read(ref _series))
        {
            if (series.Matches(tags))
            {
                return series;
            }
        }

        return Add(tags);
    }

    private MetricSeries Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_adding)
        {
            var overflow = _series.Length >= MaxSeries;
            ReadOnlySpan<KeyValuePair<string, object?>> wanted = overflow ? OverflowTags : tags;
            foreach (var series in _series)
            {
                if (series.Matches(wanted))
                {
                    return series;
                }
            }

            var added = _create(wanted.ToArray());
            Volatile.Write(ref _series, [.. _series, added]);
            return added;
        }
    }
}
