using System.Collections.Concurrent;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>Counts, per grain, how many calls ran at the same moment, and the most there ever were.</summary>
internal sealed class ConcurrencyProbe
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _most = new(StringComparer.Ordinal);

    public int MostAtOnce(string key) => _most.GetValueOrDefault(key);

    public IDisposable Enter(string key)
    {
        var now = _running.AddOrUpdate(key, 1, (_, count) => count + 1);
        _most.AddOrUpdate(key, now, (_, most) => Math.Max(most, now));
        return new Exit(() => _running.AddOrUpdate(key, 0, (_, count) => count - 1));
    }

    private sealed class Exit(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}
