using System.Diagnostics.Metrics;
using System.Globalization;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>What one instrument recorded under one set of tags (one outcome, for instance).</summary>
internal abstract class MetricSeries
{
    private readonly KeyValuePair<string, object?>[] _tags;

    protected MetricSeries(KeyValuePair<string, object?>[] tags)
    {
        _tags = tags;
        var text = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            text[key] = value switch
            {
                null => null,
                bool flag => flag ? "true" : "false",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        Tags = text;
        TagsText = string.Join(',', text.Select(tag => $"{tag.Key}={tag.Value}"));
    }

    public IReadOnlyDictionary<string, string?> Tags { get; }

    /// <summary>Orders the series of an instrument the same way in every snapshot.</summary>
    public string TagsText { get; }

    /// <summary>Called for every measurement: must stay cheap and must not lock.</summary>
    public abstract void Record(double value);

    /// <summary>What the series holds now; null when there is nothing to say yet (a gauge never observed).</summary>
    public abstract InstrumentReading? Read(Instrument instrument, bool withBuckets);

    /// <summary>The same tags, in any order. Tag sets are tiny (one outcome), so a scan beats hashing.</summary>
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (!Contains(tag))
            {
                return false;
            }
        }

        return true;
    }

    private bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var own in _tags)
        {
            if (string.Equals(own.Key, tag.Key, StringComparison.Ordinal) && Equals(own.Value, tag.Value))
            {
                return true;
            }
        }

        return false;
    }
}
