using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>
/// Which calls were persisted together is read from PostgreSQL itself: rows written by one transaction
/// share its transaction id (xmin).
/// </summary>
public sealed class SmartBatchingTests
{
    [Fact]
    public async Task Calls_queued_behind_a_write_of_the_same_grain_are_persisted_together()
    {
        await using var host = await GrainTestHost.StartAsync();
        var counter = host.Counter("hot");

        await Task.WhenAll(Enumerable.Range(1, 300).Select(i => counter.Add(1, $"call-{i}")));

        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT value FROM test_counters WHERE counter_id = 'hot'")).ShouldBe(300);
        var calls = await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM test_counter_calls WHERE counter_id = 'hot'");
        var transactions = await Sql.ScalarAsync<long>(
            host.ConnectionString, "SELECT count(DISTINCT xmin::text) FROM test_counter_calls WHERE counter_id = 'hot'");
        calls.ShouldBe(300);
        transactions.ShouldBeLessThanOrEqualTo(30, "300 calls to one grain should need a handful of writes, not one each");
    }

    [Fact]
    public async Task Writes_of_different_grains_issued_together_share_a_transaction()
    {
        await using var host = await GrainTestHost.StartAsync();

        await Task.WhenAll(Enumerable.Range(1, 100).Select(i => host.Counter($"spread-{i}").Add(1, "only")));

        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM test_counters WHERE value = 1")).ShouldBe(100);
        var transactions = await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(DISTINCT xmin::text) FROM test_counters");
        transactions.ShouldBeLessThanOrEqualTo(20, "100 grains written at the same moment should share a few transactions");
    }
}
