namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// How many measurements fell in [<c>lower</c>, <c>upper</c>). The bounds are the same in every snapshot,
/// so subtracting two snapshots' buckets gives the percentiles of what happened in between.
/// </summary>
public sealed record BucketReading(double Lower, double Upper, long Count);
