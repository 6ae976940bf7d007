using System.Diagnostics;
using System.Text.Json;
using MakeTheChange.LoadGenerator.Http;
using MakeTheChange.LoadGenerator.Load;
using MakeTheChange.LoadGenerator.Measurement;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>
/// 50 locations × 30,000 SKUs (1.5 million stock rows): the hub's start-up time over that catalog, and
/// its resident memory while clients read random SKU-locations across all of it (every read activates
/// a grain; idle ones must be collected).
/// </summary>
internal static class ScaleScenario
{
    public const string Name = "scale";
    private static readonly Catalog Catalog = new(50, 30_000);

    public static async Task<ScaleResult> RunAsync(BenchmarkPostgres postgres, LoadModel model, TimeSpan duration, IReadOnlyDictionary<string, string> hubSettings, CancellationToken cancellationToken)
    {
        await using var hub = await ServerUnderTest.StartAsync(TargetKind.Hub, postgres, "scale_hub", 1, hubSettings, cancellationToken);
        var emptyStartup = hub.Nodes[0].StartupTime;
        var seeding = Stopwatch.StartNew();
        await Catalog.SeedAsync(hub, cancellationToken);
        seeding.Stop();
        await hub.StopNodesAsync();
        await hub.StartNodeAsync(hubSettings);
        var fullStartup = hub.Nodes[0].StartupTime;
        var pid = hub.Nodes[0].Pid;
        var idleMemory = ProcessMemory.ResidentBytes(pid);

        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcessMemory.ResidentBytes(pid));
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);
        var load = await LoadRunner.RunAsync([hub.Nodes[0].Endpoint], new RandomReads(hub.Requests(0)), model, TimeSpan.Zero, duration, () => { }, () => { });
        await sampling.CancelAsync();
        await sampler;
        var activations = await ActivationsAsync(hub.Nodes[0].Client, cancellationToken);
        return new ScaleResult(Catalog.Locations * Catalog.Skus, seeding.Elapsed, emptyStartup, fullStartup, idleMemory, peak, ProcessMemory.ResidentBytes(pid), load, activations);
    }

    /// <summary>The hub's live activations, from its metrics; null when the hub does not publish them.</summary>
    private static async Task<double?> ActivationsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("/api/metrics", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var metrics = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var instrument in metrics.RootElement.GetProperty("instruments").EnumerateArray())
        {
            if (instrument.GetProperty("name").GetString() == "hub.grains.activations" && instrument.TryGetProperty("value", out var value))
            {
                return value.GetDouble();
            }
        }

        return null;
    }

    private sealed class RandomReads(HttpRequestBytes requests) : IWorkload
    {
        public Operation Next(Random random)
        {
            var (sku, location) = Catalog.RandomKey(random);
            return new Operation(0, requests.Get($"/api/stock/{sku}/{location}"), OperationKind.Read);
        }

        public Outcome Answered(in Operation operation, int status) => status == 200 ? Outcome.Success : Outcome.Error;
    }
}
