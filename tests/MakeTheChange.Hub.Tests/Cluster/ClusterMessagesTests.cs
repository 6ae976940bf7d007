using System.Text;
using MakeTheChange.Grains;
using MakeTheChange.Grains.Cluster;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Hub.Tests.Grains;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Cluster;

/// <summary>The write notices one transaction sends other nodes: every write, in payloads PostgreSQL accepts.</summary>
public sealed class ClusterMessagesTests
{
    [Fact]
    public void A_large_transaction_notifies_every_write_in_order_in_payloads_under_the_NOTIFY_limit_each_filled_before_the_next()
    {
        // Multi-byte keys: the limit is in bytes, not characters.
        var writes = Enumerable.Range(1, 600)
            .Select(i => Write($"café-crème-{i}/entrepôt-{i % 7}", version: i * 3))
            .ToList();

        var payloads = ClusterMessages.Writes("node-a", writes);

        payloads.Count.ShouldBeGreaterThan(2);
        payloads.ShouldAllBe(payload => Encoding.UTF8.GetByteCount(payload) < 8000);
        var parsed = payloads.SelectMany(payload =>
        {
            ClusterMessages.TryParse(payload, out var kind, out var node, out var body).ShouldBeTrue();
            kind.ShouldBe('w');
            node.ShouldBe("node-a");
            return ClusterMessages.ParseWrites(body);
        }).ToList();
        parsed.ShouldBe(writes.Select(write => (write.Id, write.NewVersion)));

        // Full payloads: the first line of the next one would not have fitted.
        for (var i = 0; i < payloads.Count - 1; i++)
        {
            var nextLine = payloads[i + 1][(payloads[i + 1].IndexOf('|', 2) + 1)..].Split('\n')[0] + "\n";
            (Encoding.UTF8.GetByteCount(payloads[i]) + Encoding.UTF8.GetByteCount(nextLine)).ShouldBeGreaterThan(7_900);
        }
    }

    private static GrainWrite<CounterState> Write(string key, long version)
    {
        var previous = new CounterState(key) { Version = version - 1 };
        return new GrainWrite<CounterState>(new GrainId("counter", key), previous, previous.Record("call", 1), [], null, null!);
    }
}
