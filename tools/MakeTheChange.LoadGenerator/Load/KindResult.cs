namespace MakeTheChange.LoadGenerator.Load;

internal sealed record KindResult(long Successes, long Refused, long Errors, LatencySummary Latency);
