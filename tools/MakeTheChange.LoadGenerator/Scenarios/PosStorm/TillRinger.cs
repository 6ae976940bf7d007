using System.Diagnostics;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// Rings sales of one or two lines (a random SKU each, one unit) at a random store's till, at a fixed total
/// rate whatever the hub does (open model: the tills never wait for the hub), for a warm-up and then a
/// measured window. The callbacks at both edges of the window take the CPU samples.
/// </summary>
internal sealed class TillRinger(IReadOnlyDictionary<string, ISimulatedPos> tillsByStore, IReadOnlyList<string> skus)
{
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    private readonly Random _random = new(5);
    private readonly string[] _stores = [.. tillsByStore.Keys.Order(StringComparer.Ordinal)];

    /// <summary>How far behind its schedule the ringing fell at worst; only meaningful when small.</summary>
    public TimeSpan MostLate { get; private set; }

    public async Task<List<RungSale>> RingAsync(double salesPerSecond, TimeSpan warmup, TimeSpan duration, Action windowStarts, Action windowEnds, CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency / salesPerSecond;
        var (windowFrom, windowTo) = (Ticks(warmup), Ticks(warmup + duration));
        var sales = new List<RungSale>((int)(salesPerSecond * (warmup + duration).TotalSeconds) + 16);
        var start = Stopwatch.GetTimestamp();
        var windowOpen = false;
        long rung = 0;
        while (true)
        {
            var now = Stopwatch.GetTimestamp() - start;
            if (!windowOpen && now >= windowFrom)
            {
                windowStarts();
                windowOpen = true;
            }

            for (var due = Math.Min((long)(now / interval), (long)Math.Ceiling(windowTo / interval)); rung < due; rung++)
            {
                var intended = (long)(rung * interval);
                sales.Add(Ring(intended >= windowFrom));
                MostLate = TimeSpan.FromTicks(Math.Max(MostLate.Ticks, Stopwatch.GetElapsedTime(start + intended).Ticks));
            }

            if (now >= windowTo)
            {
                windowEnds();
                return sales;
            }

            var next = Math.Min((long)(rung * interval), windowOpen ? windowTo : windowFrom);
            var sleep = -Stopwatch.GetElapsedTime(start + next);
            await Task.Delay(sleep > OneMillisecond ? sleep : OneMillisecond, cancellationToken);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private RungSale Ring(bool measured)
    {
        var store = _stores[_random.Next(_stores.Length)];
        var first = _random.Next(skus.Count);
        string[] lines = _random.Next(2) == 0 ? [skus[first]] : [skus[first], skus[(first + 1 + _random.Next(skus.Count - 1)) % skus.Count]];
        var till = tillsByStore[store];
        var rungAt = DateTimeOffset.UtcNow;
        return new RungSale(till, till.Ring(store, lines), store, lines, rungAt, measured);
    }
}
