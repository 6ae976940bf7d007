using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Stock;

public sealed class StockMovementTests
{
    [Fact]
    public async Task A_receipt_adds_its_units_to_its_lot_and_writes_one_ledger_row()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("sablon", "MIEL");

        using var response = await hub.Client.PostMovementAsync("MIEL", "sablon", new { movementId = "r1", kind = "receipt", quantity = 12, lot = "L1", bestBefore = "2028-03-31", reason = "Delivery 42" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var level = await response.ReadJsonAsync();
        level.Int("onHand").ShouldBe(12);
        level.Int("available").ShouldBe(12);
        level.Int("version").ShouldBe(1);
        level.GetProperty("lots").EnumerateArray().Single().ToString().ShouldBe("""{"lot":"L1","bestBefore":"2028-03-31","quantity":12}""");
        var ledger = await hub.Client.GetJsonAsync("/api/stock/MIEL/sablon/movements");
        var entry = ledger.GetProperty("items").EnumerateArray().Single();
        entry.Str("movementId").ShouldBe("r1");
        entry.Str("kind").ShouldBe("receipt");
        entry.Int("onHandDelta").ShouldBe(12);
        entry.Int("onHandAfter").ShouldBe(12);
        entry.Str("source").ShouldBe("api");
        entry.Str("reason").ShouldBe("Delivery 42");
        (await Ledger.ViolationsAsync(hub.ConnectionString)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sale_is_never_refused_even_when_it_takes_on_hand_below_zero()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("ixelles", "SAVON");
        await hub.Client.ReceiveAsync("SAVON", "ixelles", 2, "L1");

        using var sale = await hub.Client.PostMovementAsync("SAVON", "ixelles", new { movementId = "till-1", kind = "sale", quantity = 5 });
        var afterSale = await sale.ReadJsonAsync();
        sale.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterSale.Int("onHand").ShouldBe(-3);
        afterSale.Int("available").ShouldBe(0);
        afterSale.GetProperty("lots").GetArrayLength().ShouldBe(0);

        // The next units in first cover what was sold before it arrived.
        using var receipt = await hub.Client.PostMovementAsync("SAVON", "ixelles", new { movementId = "r2", kind = "receipt", quantity = 10, lot = "L2" });
        var afterReceipt = await receipt.ReadJsonAsync();
        afterReceipt.Int("onHand").ShouldBe(7);
        afterReceipt.GetProperty("lots").EnumerateArray().Single().Int("quantity").ShouldBe(7);
        (await Ledger.ViolationsAsync(hub.ConnectionString)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("damage", 4)]
    [InlineData("adjustment", -4)]
    public async Task Damage_or_an_adjustment_that_would_leave_on_hand_below_zero_is_refused_and_changes_nothing(string kind, int quantity)
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("gent", "COFFRET");
        await hub.Client.ReceiveAsync("COFFRET", "gent", 3, "L1");

        using var response = await hub.Client.PostMovementAsync("COFFRET", "gent", new { movementId = "broken", kind, quantity });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.Str("detail")!.ShouldContain("below zero");
        var level = await hub.Client.GetJsonAsync("/api/stock/COFFRET/gent");
        level.Int("onHand").ShouldBe(3);
        level.Int("version").ShouldBe(1);
    }

    [Fact]
    public async Task A_count_sets_on_hand_to_what_was_found()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("liege", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "liege", 10, "L1", "2028-01-31");

        using var lower = await hub.Client.PostMovementAsync("MIEL", "liege", new { movementId = "count-1", kind = "count", quantity = 7 });
        (await lower.ReadJsonAsync()).Int("onHand").ShouldBe(7);
        using var higher = await hub.Client.PostMovementAsync("MIEL", "liege", new { movementId = "count-2", kind = "count", quantity = 9 });
        var level = await higher.ReadJsonAsync();

        level.Int("onHand").ShouldBe(9);
        var lots = level.GetProperty("lots").EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ToList();
        lots.ShouldBe([("L1", 7), (null, 2)]);
        var deltas = (await hub.Client.GetJsonAsync("/api/stock/MIEL/liege/movements")).GetProperty("items").EnumerateArray().Select(e => e.Int("onHandDelta"));
        deltas.ShouldBe([10, -3, 2]);
    }

    [Fact]
    public async Task Units_leave_by_earliest_best_before_first_then_first_received()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "NO-DATE");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "LATE", "2028-06-30");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "EARLY-A", "2027-01-31");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "EARLY-B", "2027-01-31");

        using var sale = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "s1", kind = "sale", quantity = 12 });

        var lots = (await sale.ReadJsonAsync()).GetProperty("lots").EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ToList();
        lots.ShouldBe([("LATE", 3), ("NO-DATE", 5)]);
        var taken = (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub/movements")).GetProperty("items")[4].GetProperty("lots")
            .EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ToList();
        taken.ShouldBe([("EARLY-A", -5), ("EARLY-B", -5), ("LATE", -2)]);
    }

    [Fact]
    public async Task Damage_of_a_named_lot_takes_it_from_that_lot()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "EARLY", "2027-01-31");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "LATE", "2028-01-31");

        using var damage = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "d1", kind = "damage", quantity = 2, lot = "LATE", reason = "Jar broken" });
        using var tooMuch = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "d2", kind = "damage", quantity = 4, lot = "LATE" });

        var lots = (await damage.ReadJsonAsync()).GetProperty("lots").EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ToList();
        lots.ShouldBe([("EARLY", 5), ("LATE", 3)]);
        (await tooMuch.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("detail")!.ShouldContain("LATE");
    }

    [Fact]
    public async Task A_receipt_into_a_lot_with_another_best_before_is_refused()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "L1", "2027-01-31");

        using var response = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "r2", kind = "receipt", quantity = 5, lot = "L1", bestBefore = "2027-02-28" });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("detail")!.ShouldContain("2027-01-31");
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("onHand").ShouldBe(5);
    }

    [Fact]
    public async Task Safety_stock_and_holds_are_kept_out_of_what_is_available()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 10);

        using var safety = await hub.Client.PutAsJsonAsync("/api/stock/MIEL/hub/safety-stock", new { quantity = 3 });
        var level = await safety.ReadJsonAsync();

        level.Int("safetyStock").ShouldBe(3);
        level.Int("available").ShouldBe(7);
        var entry = (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub/movements")).GetProperty("items")[1];
        entry.Str("kind").ShouldBe("safety-stock");
        entry.Int("quantity").ShouldBe(3);
    }

    [Fact]
    public async Task A_known_sku_never_stocked_at_a_location_reads_as_zeros_and_unknown_ones_are_not_found()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");

        var zeros = await hub.Client.GetJsonAsync("/api/stock/MIEL/hub");
        using var unknownSku = await hub.Client.GetAsync("/api/stock/NOPE/hub");
        using var unknownLocation = await hub.Client.GetAsync("/api/stock/MIEL/nowhere");
        using var movementOnUnknown = await hub.Client.PostMovementAsync("NOPE", "hub", new { movementId = "m", kind = "receipt", quantity = 1 });

        zeros.Int("onHand").ShouldBe(0);
        zeros.Int("available").ShouldBe(0);
        zeros.Int("version").ShouldBe(0);
        await unknownSku.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await unknownLocation.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await movementOnUnknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // The product created a moment later is found, by reads and by movements: an unknown SKU is never remembered.
        await hub.Client.PutProductAsync("NOPE");
        (await hub.Client.GetJsonAsync("/api/stock/NOPE/hub")).Int("onHand").ShouldBe(0);
        await hub.Client.PutLocationAsync("nowhere");
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/nowhere")).Int("onHand").ShouldBe(0);
        using var nowKnown = await hub.Client.PostMovementAsync("NOPE", "hub", new { movementId = "m", kind = "receipt", quantity = 1 });
        nowKnown.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Units_without_lot_or_date_live_in_the_level_row_and_leave_first_received_first_after_a_restart()
    {
        string connectionString;
        await using (var hub = await TestHub.StartAsync())
        {
            connectionString = hub.ConnectionString;
            await hub.Client.CatalogAsync("hub", "MIEL");
            await hub.Client.ReceiveAsync("MIEL", "hub", 5);
            await hub.Client.ReceiveAsync("MIEL", "hub", 3, "L1");
            await hub.Client.ReceiveAsync("MIEL", "hub", 2);

            (await Sql.ListAsync<string>(connectionString, "SELECT lot FROM stock_lots")).ShouldBe(["L1"]);
            (await Sql.ScalarAsync<int>(connectionString, "SELECT unlotted FROM stock_levels WHERE sku = 'MIEL'")).ShouldBe(7);
        }

        await using var restarted = await TestHub.StartAsync(connectionString);
        using var sale = await restarted.Client.PostMovementAsync("MIEL", "hub", new { movementId = "s1", kind = "sale", quantity = 6 });

        var lots = (await sale.ReadJsonAsync()).GetProperty("lots").EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ToList();
        lots.ShouldBe([(null, 1), ("L1", 3)]);
        var atLocations = (await restarted.Client.GetJsonAsync("/api/stock/MIEL")).GetProperty("locations")[0].GetProperty("lots")
            .EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ToList();
        atLocations.ShouldBe([(null, 1), ("L1", 3)]);
        (await Ledger.ViolationsAsync(connectionString)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sku_reads_at_every_location_with_its_totals()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("a", "MIEL");
        await hub.Client.PutLocationAsync("b");
        await hub.Client.ReceiveAsync("MIEL", "a", 4, "L1", "2028-01-31");
        await hub.Client.ReceiveAsync("MIEL", "b", 6);

        var stock = await hub.Client.GetJsonAsync("/api/stock/MIEL");

        stock.Int("onHand").ShouldBe(10);
        stock.Int("available").ShouldBe(10);
        stock.GetProperty("locations").EnumerateArray().Select(l => (l.Str("locationId"), l.Int("onHand"))).ShouldBe([("a", 4), ("b", 6)]);
        stock.GetProperty("locations")[0].GetProperty("lots")[0].Str("lot").ShouldBe("L1");
    }

    [Fact]
    public async Task The_ledger_is_read_a_page_at_a_time_oldest_first()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        for (var i = 1; i <= 5; i++)
        {
            (await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = $"m{i}", kind = "receipt", quantity = i })).EnsureSuccessStatusCode();
        }

        var first = await hub.Client.GetJsonAsync("/api/stock/MIEL/hub/movements?limit=3");
        var second = await hub.Client.GetJsonAsync($"/api/stock/MIEL/hub/movements?limit=3&after={first.Str("next")}");

        first.GetProperty("items").EnumerateArray().Select(e => e.Str("movementId")).ShouldBe(["m1", "m2", "m3"]);
        second.GetProperty("items").EnumerateArray().Select(e => e.Str("movementId")).ShouldBe(["m4", "m5"]);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
