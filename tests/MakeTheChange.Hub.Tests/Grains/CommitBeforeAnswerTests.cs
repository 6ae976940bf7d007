using MakeTheChange.Hub.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

public sealed class CommitBeforeAnswerTests
{
    [Fact]
    public async Task A_call_that_changes_state_is_answered_only_once_the_change_is_committed()
    {
        await using var host = await GrainTestHost.StartAsync();
        var counter = host.Counter("locked");
        await counter.Add(1, "first");

        // Another session holds the row: the grain's write waits on it and cannot commit.
        await using var blocker = new NpgsqlConnection(host.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM test_counters WHERE counter_id = 'locked' FOR UPDATE", blocker, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var second = counter.Add(1, "second");
        await Task.Delay(500);
        second.IsCompleted.ShouldBeFalse("the call must not be answered before its write commits");
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT value FROM test_counters WHERE counter_id = 'locked'")).ShouldBe(1);

        await transaction.CommitAsync();
        (await second).ShouldBe(2);
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT value FROM test_counters WHERE counter_id = 'locked'")).ShouldBe(2);
    }
}
