using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_due_date_stored_with_the_state_calls_its_grain_without_anyone_asking()
    {
        await using var host = await GrainTestHost.StartAsync();
        await host.Counter("alarm").SetAlarm(DateTimeOffset.UtcNow.AddSeconds(1));
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM grain_reminders")).ShouldBe(1);

        var value = await Eventually.ReturnsAsync(
            () => Sql.ScalarAsync<long>(host.ConnectionString, "SELECT value FROM test_counters WHERE counter_id = 'alarm'"),
            v => v == 1000,
            TimeSpan.FromSeconds(10));

        value.ShouldBe(1000);
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM grain_reminders")).ShouldBe(0);
    }

    [Fact]
    public async Task A_due_date_survives_the_node_that_set_it()
    {
        string connectionString;
        await using (var first = await GrainTestHost.StartAsync())
        {
            connectionString = first.ConnectionString;
            await first.Counter("alarm").SetAlarm(DateTimeOffset.UtcNow.AddSeconds(2));
        }

        await using var second = await GrainTestHost.StartAsync(connectionString);
        var value = await Eventually.ReturnsAsync(
            () => Sql.ScalarAsync<long>(connectionString, "SELECT value FROM test_counters WHERE counter_id = 'alarm'"),
            v => v == 1000,
            TimeSpan.FromSeconds(10));

        value.ShouldBe(1000);
    }
}
