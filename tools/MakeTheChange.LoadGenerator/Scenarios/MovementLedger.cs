using System.Collections.Concurrent;
using System.Globalization;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>Movement ids of one run: unique, prefixed by the run, and which of them were acknowledged.</summary>
internal sealed class MovementLedger(string runId)
{
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private long _sent;

    public string RunId => runId;

    public long Sent => Interlocked.Read(ref _sent);

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    public string NextId() => $"{runId}-{Interlocked.Increment(ref _sent).ToString(CultureInfo.InvariantCulture)}";

    public void Acknowledge(string movementId) => _acknowledged.Enqueue(movementId);
}
