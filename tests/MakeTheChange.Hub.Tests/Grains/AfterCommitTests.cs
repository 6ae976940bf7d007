using System.Collections.Concurrent;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>Work a storage registers with its writes (waking a worker for the rows they queued) runs after the commit, and only then.</summary>
public sealed class AfterCommitTests
{
    [Fact]
    public async Task Work_registered_with_a_write_sees_it_committed_and_does_not_run_for_an_attempt_that_was_rolled_back()
    {
        await using var host = await GrainTestHost.StartAsync();
        var seen = new ConcurrentQueue<(string Key, long Value)>();

        // What another session reads at that moment: a worker woken before the commit would find nothing.
        host.Storage.Committed = key => seen.Enqueue(
            (key, Sql.ScalarAsync<long>(host.ConnectionString, "SELECT value FROM test_counters WHERE counter_id = $1", key).GetAwaiter().GetResult()));
        var counter = host.Counter("woken");
        (await counter.Add(1, "first")).ShouldBe(1);

        // Another writer moves the row on unheard: this node's next attempt is stale, rolled back, then run again.
        await Sql.ExecuteAsync(host.ConnectionString, "UPDATE test_counters SET value = value + 10, call_count = call_count + 1, version = version + 1 WHERE counter_id = 'woken'");
        (await counter.Add(1, "second")).ShouldBe(12);

        seen.ShouldBe([("woken", 1L), ("woken", 12L)]);
    }
}
