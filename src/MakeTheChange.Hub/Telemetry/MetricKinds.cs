namespace MakeTheChange.Hub.Telemetry;

/// <summary>The <c>kind</c> of an instrument in <c>GET /api/metrics</c>.</summary>
public static class MetricKinds
{
    /// <summary>A total since the hub started (a counter, or an observed cumulative count).</summary>
    public const string Counter = "counter";

    /// <summary>Measurements summarised as count, sum, min, max and percentiles since the hub started.</summary>
    public const string Histogram = "histogram";

    /// <summary>A value now: the last one observed, or the running sum of an up-down counter.</summary>
    public const string Gauge = "gauge";
}
