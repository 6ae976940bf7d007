using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Stock;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_movement_sent_three_times_changes_stock_once_and_gets_the_same_answer()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        var movement = new { movementId = "delivery-7", kind = "receipt", quantity = 8, lot = "L7" };

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await hub.Client.PostMovementAsync("MIEL", "hub", movement);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        answers.Distinct(StringComparer.Ordinal).Count().ShouldBe(1);
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("onHand").ShouldBe(8);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements")).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_movement_sent_three_times_at_once_changes_stock_once()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        var movement = new { movementId = "till-9", kind = "sale", quantity = 2 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => hub.Client.PostMovementAsync("MIEL", "hub", movement)));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("onHand").ShouldBe(-2);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements")).ShouldBe(1);
    }

    [Fact]
    public async Task A_repeat_gets_the_answer_of_the_first_time_even_after_later_movements()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        using var first = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "receipt", quantity = 5 });
        using var later = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m2", kind = "receipt", quantity = 3 });

        using var repeat = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "receipt", quantity = 5 });

        (await repeat.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("onHand").ShouldBe(8);
    }

    [Fact]
    public async Task The_same_movement_id_with_another_body_is_a_conflict_and_changes_nothing()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        (await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "receipt", quantity = 5 })).EnsureSuccessStatusCode();

        using var reused = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "receipt", quantity = 6 });

        (await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("detail")!.ShouldContain("m1");
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("onHand").ShouldBe(5);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements")).ShouldBe(1);
    }

    [Fact]
    public async Task A_movement_repeated_after_a_restart_is_still_recognised_from_the_ledger()
    {
        string connectionString;
        string firstAnswer;
        await using (var hub = await TestHub.StartAsync())
        {
            connectionString = hub.ConnectionString;
            await hub.Client.CatalogAsync("hub", "MIEL");
            using var first = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "receipt", quantity = 5 });
            firstAnswer = await first.Content.ReadAsStringAsync();
        }

        await using var restarted = await TestHub.StartAsync(connectionString);
        using var repeat = await restarted.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "receipt", quantity = 5 });
        using var reused = await restarted.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m1", kind = "sale", quantity = 5 });
        using var next = await restarted.Client.PostMovementAsync("MIEL", "hub", new { movementId = "m2", kind = "receipt", quantity = 1 });

        (await repeat.Content.ReadAsStringAsync()).ShouldBe(firstAnswer);
        await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await next.ReadJsonAsync()).Int("onHand").ShouldBe(6);
        (await Ledger.ViolationsAsync(connectionString)).ShouldBeEmpty();
    }
}
