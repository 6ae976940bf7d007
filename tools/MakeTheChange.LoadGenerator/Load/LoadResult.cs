namespace MakeTheChange.LoadGenerator.Load;

/// <summary>What the measured window saw.</summary>
internal sealed record LoadResult(
    TimeSpan Window,
    IReadOnlyDictionary<OperationKind, KindResult> ByKind,
    LatencySummary Latency)
{
    public long Successes => ByKind.Values.Sum(kind => kind.Successes);

    public long Refused => ByKind.Values.Sum(kind => kind.Refused);

    public long Errors => ByKind.Values.Sum(kind => kind.Errors);

    public long Answered => Successes + Refused;

    public double Throughput => Answered / Window.TotalSeconds;

    public long SuccessesOf(OperationKind kind) => ByKind.TryGetValue(kind, out var result) ? result.Successes : 0;
}
