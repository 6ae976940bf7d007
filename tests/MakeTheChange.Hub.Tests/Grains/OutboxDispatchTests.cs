using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>
/// What grains publish is stored in the transaction of their write, one outbox row per topic and
/// transaction, and handed to its handlers once; a message whose handler fails waits alone.
/// </summary>
public sealed class OutboxDispatchTests
{
    private static readonly Dictionary<string, string?> FastPolling = new(StringComparer.Ordinal) { ["Grains:OutboxPollInterval"] = "00:00:00.100" };

    [Fact]
    public async Task Messages_of_grains_written_together_share_one_row_and_are_each_handled_once()
    {
        await using var host = await GrainTestHost.StartAsync(settings: FastPolling);

        await Task.WhenAll(Enumerable.Range(1, 60).Select(i => host.Counter($"c-{i}").AddAndAnnounce(1, "only")));

        await HandledAsync(host, expected: 60);
        var keys = await Sql.ListAsync<string>(host.ConnectionString, "SELECT message_key FROM test_outbox_handled ORDER BY 1");
        keys.ShouldBe(Enumerable.Range(1, 60).Select(i => $"c-{i}").Order(StringComparer.Ordinal));
        var rows = await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM outbox WHERE topic = 'test.counted'");
        var transactions = await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(DISTINCT xmin::text) FROM test_counters");
        rows.ShouldBe(transactions, "one row per transaction that published");
        rows.ShouldBeLessThan(60);
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM outbox WHERE dispatched_at IS NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_whose_handler_fails_waits_alone_while_the_rest_of_its_row_is_handled()
    {
        await using var host = await GrainTestHost.StartAsync(settings: FastPolling);
        host.Outbox.FailingKeys["poison"] = true;

        var id = await Sql.ScalarAsync<long>(
            host.ConnectionString,
            """
            INSERT INTO outbox (topic, messages)
            VALUES ('test.counted', '[{"key": "a", "payload": {"n": 1}}, {"key": "poison", "payload": {"n": 2}}, {"key": "c", "payload": {"n": 3}}]')
            RETURNING id
            """);

        await HandledAsync(host, expected: 2);
        await Eventually.ReturnsAsync(() => AttemptsAsync(host, id), attempts => attempts == 1, TimeSpan.FromSeconds(10));
        (await Sql.ListAsync<string>(host.ConnectionString, "SELECT message_key FROM test_outbox_handled ORDER BY 1")).ShouldBe(["a", "c"]);
        (await Sql.ScalarAsync<string>(host.ConnectionString, "SELECT messages::jsonb::text FROM outbox WHERE id = $1", id)).ShouldBe("""[{"key": "poison", "payload": {"n": 2}}]""");
        (await Sql.ScalarAsync<string>(host.ConnectionString, "SELECT last_error FROM outbox WHERE id = $1", id)).ShouldContain("poison cannot be handled yet");
        (await Sql.ScalarAsync<bool>(host.ConnectionString, "SELECT dispatched_at IS NULL AND next_attempt_at > now() FROM outbox WHERE id = $1", id)).ShouldBeTrue();
        (await Sql.ScalarAsync<string>(host.ConnectionString, "SELECT messages::jsonb::text FROM outbox WHERE id <> $1 AND dispatched_at IS NOT NULL", id))
            .ShouldBe("""[{"key": "a", "payload": {"n": 1}}, {"key": "c", "payload": {"n": 3}}]""");

        host.Outbox.FailingKeys.Clear();
        await Sql.ExecuteAsync(host.ConnectionString, "UPDATE outbox SET next_attempt_at = now() WHERE id = $1", id);

        await HandledAsync(host, expected: 3);
        (await Sql.ListAsync<string>(host.ConnectionString, "SELECT message_key FROM test_outbox_handled ORDER BY 1")).ShouldBe(["a", "c", "poison"]);
        await Eventually.ReturnsAsync(
            () => Sql.ScalarAsync<bool>(host.ConnectionString, "SELECT dispatched_at IS NOT NULL FROM outbox WHERE id = $1", id), done => done, TimeSpan.FromSeconds(10));
        (await Sql.ScalarAsync<bool>(host.ConnectionString, "SELECT dispatched_at IS NOT NULL FROM outbox WHERE id = $1", id)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_message_that_failed_ten_times_is_set_aside_with_its_last_error()
    {
        await using var host = await GrainTestHost.StartAsync(settings: FastPolling);
        host.Outbox.FailingKeys["poison"] = true;

        var id = await Sql.ScalarAsync<long>(
            host.ConnectionString,
            """
            INSERT INTO outbox (topic, messages, attempts) VALUES ('test.counted', '[{"key": "poison", "payload": {"n": 2}}]', 9) RETURNING id
            """);

        var attempts = await Eventually.ReturnsAsync(() => AttemptsAsync(host, id), count => count == 10, TimeSpan.FromSeconds(10));
        attempts.ShouldBe(10);
        (await Sql.ScalarAsync<bool>(host.ConnectionString, "SELECT dispatched_at IS NOT NULL FROM outbox WHERE id = $1", id)).ShouldBeTrue();
        (await Sql.ScalarAsync<string>(host.ConnectionString, "SELECT last_error FROM outbox WHERE id = $1", id)).ShouldContain("poison cannot be handled yet");
        (await Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM test_outbox_handled")).ShouldBe(0);
    }

    private static async Task HandledAsync(GrainTestHost host, long expected)
    {
        var handled = await Eventually.ReturnsAsync(
            () => Sql.ScalarAsync<long>(host.ConnectionString, "SELECT count(*) FROM test_outbox_handled"), count => count >= expected, TimeSpan.FromSeconds(10));
        handled.ShouldBe(expected);
    }

    private static Task<int> AttemptsAsync(GrainTestHost host, long id) =>
        Sql.ScalarAsync<int>(host.ConnectionString, "SELECT attempts FROM outbox WHERE id = $1", id);
}
