using System.Diagnostics;
using System.Net;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// Issue 5's POS storm: 50 stores, 25 on Square and 25 on Lightspeed X-Series (their simulators run in
/// this process and send signed webhooks), ring sales at a fixed rate; every line must reach the hub's
/// ledger once, and a till sale must reach the hub's level within 1 s at p99.
/// </summary>
internal static class PosStormScenario
{
    public const string Name = "pos-storm";

    /// <summary>How long, once the tills stop, the hub has to get every line into its ledger.</summary>
    public static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(30);

    private const int OnHand = 1_000;
    private static readonly Catalog Catalog = new(50, 200);

    public static async Task<PosStormResult> RunAsync(
        BenchmarkPostgres postgres,
        double salesPerSecond,
        TimeSpan warmup,
        TimeSpan duration,
        IReadOnlyDictionary<string, string> hubSettings,
        CancellationToken cancellationToken)
    {
        await using var hub = await ServerUnderTest.StartAsync(TargetKind.Hub, postgres, "pos_storm_hub", 1, hubSettings, cancellationToken);
        await Catalog.SeedAsync(hub, cancellationToken);
        var stores = Enumerable.Range(0, Catalog.Locations).Select(Catalog.Location).ToList();
        var skus = Enumerable.Range(0, Catalog.Skus).Select(Catalog.Sku).ToList();
        await Catalog.ReceiveAsync(hub, stores.SelectMany(store => skus.Select(sku => (sku, store))), OnHand, cancellationToken);

        // The receipts' stock changes must be dispatched before any POS is connected, or the hub would push them all to it.
        while (await HubLedger.UndispatchedAsync(hub, cancellationToken) > 0)
        {
            await Task.Delay(100, cancellationToken);
        }

        var half = stores.Count / 2;
        await using var square = await SquareTills.StartAsync(hub, stores[..half], skus, OnHand, cancellationToken);
        await using var lightspeed = await LightspeedTills.StartAsync(hub, stores[half..], skus, OnHand, cancellationToken);
        ISimulatedPos[] tills = [square, lightspeed];
        string[] sources = [square.Source, lightspeed.Source];
        var ringer = new TillRinger(tills.SelectMany(pos => pos.Stores.Select(store => (store, pos))).ToDictionary(pair => pair.store, pair => pair.pos, StringComparer.Ordinal), skus);

        var ((hubBefore, postgresBefore), (hubAfter, postgresAfter)) = ((TimeSpan.Zero, TimeSpan.Zero), (TimeSpan.Zero, TimeSpan.Zero));
        var (generatorBefore, generatorAfter) = (TimeSpan.Zero, TimeSpan.Zero);
        var (lightspeedBefore, lightspeedAfter) = (0L, 0L);
        List<RungSale> sales;
        TimeSpan? caughtUpAfter;
        var squareWatch = new HealthWatch(hub, square.ConnectionId);
        var lightspeedWatch = new HealthWatch(hub, lightspeed.ConnectionId);
        await using (squareWatch)
        await using (lightspeedWatch)
        {
            sales = await ringer.RingAsync(
                salesPerSecond,
                warmup,
                duration,
                () => ((hubBefore, postgresBefore), generatorBefore, lightspeedBefore) = (hub.Cpu(), Process.GetCurrentProcess().TotalProcessorTime, lightspeed.ApiRequests),
                () => ((hubAfter, postgresAfter), generatorAfter, lightspeedAfter) = (hub.Cpu(), Process.GetCurrentProcess().TotalProcessorTime, lightspeed.ApiRequests),
                cancellationToken);
            caughtUpAfter = await CatchUpAsync(hub, sources, sales.Sum(sale => sale.Skus.Count), cancellationToken);
        }

        // Counted before the forged notices below, which the simulators log too.
        var (squareWebhooks, lightspeedWebhooks) = (square.Webhooks(), lightspeed.Webhooks());
        var forged = new Dictionary<string, HttpStatusCode?>(StringComparer.Ordinal);
        foreach (var pos in tills)
        {
            forged[pos.Vendor] = await pos.SendForgedSaleNoticeAsync(cancellationToken);
        }

        var (squareHealth, lightspeedHealth) = (await HubConnections.HealthAsync(hub, square.ConnectionId, cancellationToken), await HubConnections.HealthAsync(hub, lightspeed.ConnectionId, cancellationToken));
        var lines = SaleLines.Match(sales, await HubLedger.MovementsAsync(hub, sources, cancellationToken), await HubLedger.FirstNoticesAsync(hub, cancellationToken));
        var (onHand, mismatched) = await HubLedger.LevelsAsync(hub, sources, cancellationToken);
        var (inboxLongestEvent, inboxBestSecond) = await HubLedger.InboxAsync(hub, cancellationToken);
        var invariants = StormInvariants.Check(lines, OnHand, onHand, mismatched, forged, [squareWebhooks, lightspeedWebhooks], [squareHealth, lightspeedHealth]);
        var measuredLines = sales.Where(sale => sale.Measured).Sum(sale => sale.Skus.Count);
        var perLine = measuredLines == 0 ? 0 : 1e6 / measuredLines;
        var (warnings, firstWarning) = Warnings(hub.Nodes[0].Output);
        return new PosStormResult(
            salesPerSecond,
            sales.Count(sale => sale.Measured) / duration.TotalSeconds,
            duration,
            Catalog.Locations,
            Catalog.Skus,
            lines.Latency(sale => sale.Measured),
            Figures(square, lines, sales, squareWebhooks, squareWatch, squareHealth),
            Figures(lightspeed, lines, sales, lightspeedWebhooks, lightspeedWatch, lightspeedHealth),
            new LightspeedBudgetUse(lightspeed.ApiRequests, (lightspeedAfter - lightspeedBefore) / duration.TotalSeconds, lightspeed.RateLimited, lightspeed.RateLimit),
            inboxLongestEvent,
            inboxBestSecond,
            caughtUpAfter,
            (hubAfter - hubBefore).TotalSeconds * perLine,
            (postgresAfter - postgresBefore).TotalSeconds * perLine,
            (generatorAfter - generatorBefore).TotalSeconds * perLine,
            ringer.MostLate.TotalMilliseconds,
            warnings,
            firstWarning,
            invariants);
    }

    /// <summary>Waits until the connections wrote a ledger row per line rung; how long that took, or null when they did not within the limit.</summary>
    private static async Task<TimeSpan?> CatchUpAsync(ServerUnderTest hub, IReadOnlyList<string> sources, int lines, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (await HubLedger.CountAsync(hub, sources, cancellationToken) < lines)
        {
            if (waiting.Elapsed > CatchUpLimit)
            {
                return null;
            }

            await Task.Delay(100, cancellationToken);
        }

        return waiting.Elapsed;
    }

    private static VendorFigures Figures(ISimulatedPos pos, SaleLines lines, List<RungSale> sales, WebhookTally webhooks, HealthWatch watch, HubConnections.Health health)
    {
        bool Mine(RungSale sale) => sale.Measured && sale.Pos == pos;
        return new VendorFigures(
            pos.Vendor,
            sales.Count(Mine),
            lines.Latency(Mine),
            lines.Notice(Mine),
            lines.Apply(Mine),
            webhooks,
            pos.ApiRequests,
            watch.MostPendingEvents,
            watch.MostEventLagSeconds,
            health);
    }

    /// <summary>How many warnings and errors the hub logged (it runs at level Warning), and the first one's message.</summary>
    private static (int Count, string? First) Warnings(string output)
    {
        var lines = output.Split('\n');
        var flagged = Enumerable.Range(0, lines.Length).Where(index => lines[index].StartsWith("warn:", StringComparison.Ordinal) || lines[index].StartsWith("fail:", StringComparison.Ordinal)).ToList();
        return flagged.Count == 0
            ? (0, null)
            : (flagged.Count, flagged[0] + 1 < lines.Length ? $"{lines[flagged[0]].Trim()} {lines[flagged[0] + 1].Trim()}" : lines[flagged[0]].Trim());
    }
}
