using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Baseline;

public sealed class BaselineMovementTests
{
    [Fact]
    public async Task A_movement_sent_again_with_the_same_id_is_applied_once()
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 10);
        var sale = new { movementId = "till-9", kind = "sale", quantity = 3 };

        var atOnce = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => baseline.PostMovementAsync("MIEL", "store-1", sale)));
        using var later = await baseline.PostMovementAsync("MIEL", "store-1", sale);

        atOnce.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        var level = await later.ReadJsonAsync();
        level.Int("onHand").ShouldBe(7);
        level.GetProperty("version").GetInt64().ShouldBe(1);
        (await Sql.ScalarAsync<long>(baseline.ConnectionString, "SELECT count(*) FROM baseline_movements")).ShouldBe(1);
        (await Sql.ScalarAsync<int>(baseline.ConnectionString, "SELECT on_hand_after FROM baseline_movements")).ShouldBe(7);
    }

    [Fact]
    public async Task A_damage_below_zero_is_a_409_problem_and_changes_nothing()
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 2);

        using var damage = await baseline.PostMovementAsync("MIEL", "store-1", new { movementId = "broken-1", kind = "damage", quantity = 3 });

        (await damage.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("title").ShouldBe("Movement refused");
        var level = await baseline.Client.GetJsonAsync("/api/stock/MIEL/store-1");
        level.Int("onHand").ShouldBe(2);
        level.GetProperty("version").GetInt64().ShouldBe(0);
        (await Sql.ScalarAsync<long>(baseline.ConnectionString, "SELECT count(*) FROM baseline_movements")).ShouldBe(0);
    }

    [Fact]
    public async Task A_sale_may_go_below_zero_and_answers_in_the_hub_shape()
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 1);

        using var sale = await baseline.PostMovementAsync("MIEL", "store-1", new { movementId = "till-1", kind = "sale", quantity = 3 });

        sale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sale.ReadJsonAsync()).ToString().ShouldBe(
            """{"sku":"MIEL","locationId":"store-1","onHand":-2,"held":0,"safetyStock":0,"available":0,"lots":[],"version":1}""");
    }

    [Fact]
    public async Task Unknown_stock_is_a_404_problem_and_a_missing_field_a_400_validation_problem()
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 1);

        using var unknown = await baseline.PostMovementAsync("NOPE", "store-1", new { movementId = "m1", kind = "receipt", quantity = 1 });
        using var missing = await baseline.PostMovementAsync("MIEL", "store-1", new { movementId = "m2", kind = "receipt" });
        using var unreadable = await baseline.PostMovementAsync("MIEL", "store-1", new { movementId = "m3", kind = "receipt", quantity = "1" });

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("quantity", out _).ShouldBeTrue();
        (await unreadable.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$.quantity", out _).ShouldBeTrue();
    }
}
