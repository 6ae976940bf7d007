using System.Globalization;
using MakeTheChange.LoadGenerator.Load;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>What the scale scenario measured.</summary>
internal sealed record ScaleResult(
    int StockRows,
    TimeSpan Seeding,
    TimeSpan EmptyStartup,
    TimeSpan FullStartup,
    long IdleMemory,
    long PeakMemory,
    long FinalMemory,
    LoadResult Reads,
    double? Activations)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"scale: {StockRows:N0} stock rows (seeded in {Seeding.TotalSeconds:0} s). Start-up to ready: {FullStartup.TotalSeconds:0.00} s with them, {EmptyStartup.TotalSeconds:0.00} s on an empty database. " +
        $"Random reads over all of them: {Reads.Throughput:0} req/s, p99 {Reads.Latency.P99:0.0} ms, {Reads.Errors} errors; hub resident memory {Mb(IdleMemory)} MiB idle, peak {Mb(PeakMemory)} MiB, {Mb(FinalMemory)} MiB at the end; " +
        $"{(Activations is { } live ? live.ToString("0", CultureInfo.InvariantCulture) : "?")} live activations at the end.");

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}
