using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

public sealed class VersionedStateTests
{
    [Fact]
    public async Task A_write_over_a_stale_state_fails_and_the_call_runs_again_on_the_reloaded_state()
    {
        await using var host = await GrainTestHost.StartAsync();
        var counter = host.Counter("stale");
        await counter.Add(1, "first");

        // Another writer moves the row on without telling this node (no notification).
        await Sql.ExecuteAsync(host.ConnectionString, "UPDATE test_counters SET value = value + 10, call_count = call_count + 1, version = version + 1 WHERE counter_id = 'stale'");

        (await counter.Add(1, "second")).ShouldBe(12);
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT value FROM test_counters WHERE counter_id = 'stale'")).ShouldBe(12);
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT version FROM test_counters WHERE counter_id = 'stale'")).ShouldBe(3);
    }

    [Fact]
    public async Task Two_nodes_writing_the_same_grains_on_one_database_lose_no_update()
    {
        await using var first = await GrainTestHost.StartAsync();
        await using var second = await GrainTestHost.StartAsync(first.ConnectionString);

        // Both nodes race for the first write of each grain too: only one insert may win.
        var calls = new List<Task<long>>();
        for (var i = 0; i < 400; i++)
        {
            var node = i % 2 == 0 ? first : second;
            calls.Add(node.Counter($"shared-{i % 4}").Add(1, $"call-{i}"));
        }

        await Task.WhenAll(calls);

        var values = await Sql.ListAsync<long>(first.ConnectionString, "SELECT value FROM test_counters ORDER BY counter_id");
        values.ShouldBe([100, 100, 100, 100]);
        (await Sql.ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM test_counter_calls")).ShouldBe(400);
    }

    [Fact]
    public async Task A_node_does_not_answer_from_an_activation_another_node_has_written_since()
    {
        await using var first = await GrainTestHost.StartAsync();
        await using var second = await GrainTestHost.StartAsync(first.ConnectionString);
        await first.Counter("fresh").Add(5, "a");
        (await second.Counter("fresh").ReadValue()).ShouldBe(5);

        await first.Counter("fresh").Add(5, "b");

        (await second.Counter("fresh").ReadValue()).ShouldBe(10);
        (await second.Counter("fresh").Add(1, "c")).ShouldBe(11);
        (await first.Counter("fresh").ReadValue()).ShouldBe(11);
    }
}
