using System.Diagnostics.Metrics;
using System.Text.Json.Serialization;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// One instrument under one set of tags. Counters and gauges carry <c>value</c>; histograms carry
/// <c>count</c>, <c>sum</c>, <c>min</c>, <c>max</c>, <c>p50</c>, <c>p95</c>, <c>p99</c> (and <c>buckets</c> when asked).
/// </summary>
public sealed record InstrumentReading(
    string Meter,
    string Name,
    string? Unit,
    string Kind,
    IReadOnlyDictionary<string, string?> Tags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Sum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? P50,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? P95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? P99,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BucketReading>? Buckets)
{
    internal static InstrumentReading OfValue(Instrument instrument, string kind, IReadOnlyDictionary<string, string?> tags, double value) =>
        new(instrument.Meter.Name, instrument.Name, instrument.Unit, kind, tags, value, null, null, null, null, null, null, null, null);

    internal static InstrumentReading OfHistogram(
        Instrument instrument,
        IReadOnlyDictionary<string, string?> tags,
        long count,
        double sum,
        double? min,
        double? max,
        double? p50,
        double? p95,
        double? p99,
        IReadOnlyList<BucketReading>? buckets) =>
        new(instrument.Meter.Name, instrument.Name, instrument.Unit, MetricKinds.Histogram, tags, null, count, sum, min, max, p50, p95, p99, buckets);
}
