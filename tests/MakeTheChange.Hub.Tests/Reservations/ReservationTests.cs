using System.Net;
using System.Net.Http.Json;
using System.Text;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Reservations;

public sealed class ReservationTests
{
    [Fact]
    public async Task Two_hundred_concurrent_reservations_of_the_last_ten_units_hold_exactly_ten()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("sablon", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "sablon", 10);

        var responses = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => hub.Client.ReserveAsync($"r-{i}", "sablon", ("MIEL", 1))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(190);
        var refusal = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var insufficient = refusal.GetProperty("insufficient")[0];
        (insufficient.Str("sku"), insufficient.Int("requested"), insufficient.Int("available")).ShouldBe(("MIEL", 1, 0));
        var level = await hub.Client.GetJsonAsync("/api/stock/MIEL/sablon");
        (level.Int("onHand"), level.Int("held"), level.Int("available")).ShouldBe((10, 10, 0));
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM reservations WHERE status = 'held'")).ShouldBe(10);
        (await Ledger.ViolationsAsync(hub.ConnectionString)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_three_line_reservation_whose_last_line_is_short_holds_nothing()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("gent", "A", "B", "C");
        await hub.Client.ReceiveAsync("A", "gent", 5);
        await hub.Client.ReceiveAsync("B", "gent", 5);
        await hub.Client.ReceiveAsync("C", "gent", 1);

        using var response = await hub.Client.ReserveAsync("cart-1", "gent", ("A", 2), ("B", 2), ("C", 3));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var shortLine = problem.GetProperty("insufficient").EnumerateArray().Single();
        (shortLine.Str("sku"), shortLine.Int("requested"), shortLine.Int("available")).ShouldBe(("C", 3, 1));
        foreach (var sku in new[] { "A", "B", "C" })
        {
            (await hub.Client.GetJsonAsync($"/api/stock/{sku}/gent")).Int("held").ShouldBe(0);
        }

        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_holds")).ShouldBe(0);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements WHERE kind = 'hold'")).ShouldBe(0);
        (await hub.Client.GetAsync("/api/reservations/cart-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Refused commands are not recorded: the same cart succeeds once the stock is there.
        await hub.Client.ReceiveAsync("C", "gent", 2);
        (await hub.Client.ReserveAsync("cart-1", "gent", ("A", 2), ("B", 2), ("C", 3))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Ledger.ViolationsAsync(hub.ConnectionString)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pos_sale_of_held_units_is_applied_and_puts_the_newest_reservation_at_risk_with_an_alert()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("ixelles", "SAVON");
        await hub.Client.ReceiveAsync("SAVON", "ixelles", 3);
        (await hub.Client.ReserveAsync("older", "ixelles", ("SAVON", 2))).EnsureSuccessStatusCode();
        (await hub.Client.ReserveAsync("newer", "ixelles", ("SAVON", 1))).EnsureSuccessStatusCode();

        using var sale = await hub.Client.PostMovementAsync("SAVON", "ixelles", new { movementId = "till-1", kind = "sale", quantity = 1 });

        sale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sale.ReadJsonAsync()).Int("onHand").ShouldBe(2);
        (await hub.Client.GetJsonAsync("/api/reservations/newer")).GetProperty("atRisk").GetBoolean().ShouldBeTrue();
        (await hub.Client.GetJsonAsync("/api/reservations/older")).GetProperty("atRisk").GetBoolean().ShouldBeFalse();
        var alerts = await Eventually.ReturnsAsync(
            () => hub.Client.GetJsonAsync("/api/alerts"),
            page => page.GetProperty("items").GetArrayLength() > 0,
            TimeSpan.FromSeconds(10));
        var alert = alerts.GetProperty("items").EnumerateArray().Single();
        (alert.Str("kind"), alert.Str("subject"), alert.Str("sku")).ShouldBe(("reservation-at-risk", "newer", "SAVON"));
    }

    [Fact]
    public async Task A_reservation_past_its_expiry_frees_its_units_without_any_call()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("gent", "A", "B");
        await hub.Client.ReceiveAsync("A", "gent", 5);
        await hub.Client.ReceiveAsync("B", "gent", 5);
        using var created = await hub.Client.ReserveAsync("short", "gent", ttlSeconds: 1, ("A", 2), ("B", 3));
        var expiresAt = (await created.ReadJsonAsync()).GetProperty("expiresAt").GetDateTimeOffset();

        // Nobody calls the hub: the reminder sweep must do it, within a few seconds.
        var status = await Eventually.ReturnsAsync(
            () => Sql.ScalarAsync<string>(hub.ConnectionString, "SELECT status FROM reservations WHERE reservation_id = 'short'"),
            value => value == "expired",
            TimeSpan.FromSeconds(10));

        status.ShouldBe("expired");
        var changedAt = await Sql.ScalarAsync<DateTime>(hub.ConnectionString, "SELECT status_changed_at FROM reservations WHERE reservation_id = 'short'");
        (changedAt - expiresAt.UtcDateTime).ShouldBeLessThan(TimeSpan.FromSeconds(4));
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT sum(held) FROM stock_levels")).ShouldBe(0);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements WHERE kind = 'expire'")).ShouldBe(2);
        (await hub.Client.GetJsonAsync("/api/reservations/short")).Str("status").ShouldBe("expired");
        (await hub.Client.GetJsonAsync("/api/stock/A/gent")).Int("available").ShouldBe(5);
    }

    [Fact]
    public async Task Fulfilling_takes_the_earliest_best_before_lot_first_and_records_a_sale_for_the_reservation()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "LATE", "2028-06-30");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5, "EARLY", "2027-03-31");
        (await hub.Client.ReserveAsync("order-1", "hub", ("MIEL", 3))).EnsureSuccessStatusCode();

        using var fulfilled = await hub.Client.PostAsync("/api/reservations/order-1/fulfil", content: null);

        (await fulfilled.ReadJsonAsync()).Str("status").ShouldBe("fulfilled");
        var level = await hub.Client.GetJsonAsync("/api/stock/MIEL/hub");
        (level.Int("onHand"), level.Int("held"), level.Int("available")).ShouldBe((7, 0, 7));
        level.GetProperty("lots").EnumerateArray().Select(lot => (lot.Str("lot"), lot.Int("quantity"))).ShouldBe([("EARLY", 2), ("LATE", 5)]);
        var sale = (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub/movements")).GetProperty("items").EnumerateArray().Last();
        (sale.Str("kind"), sale.Str("reference"), sale.Int("onHandDelta"), sale.Int("heldDelta")).ShouldBe(("sale", "order-1", -3, -3));
        sale.GetProperty("lots")[0].Str("lot").ShouldBe("EARLY");
        (await Ledger.ViolationsAsync(hub.ConnectionString)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reservation_ends_once_and_repeating_the_same_call_is_not_a_conflict()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5);
        using var created = await hub.Client.ReserveAsync("r1", "hub", ("MIEL", 2));
        using var repeated = await hub.Client.ReserveAsync("r1", "hub", ("MIEL", 2));
        using var reused = await hub.Client.ReserveAsync("r1", "hub", ("MIEL", 3));

        using var released = await hub.Client.PostAsync("/api/reservations/r1/release", content: null);
        using var releasedAgain = await hub.Client.PostAsync("/api/reservations/r1/release", content: null);
        using var fulfilAfterRelease = await hub.Client.PostAsync("/api/reservations/r1/fulfil", content: null);
        using var unknown = await hub.Client.PostAsync("/api/reservations/nope/fulfil", content: null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        repeated.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await repeated.Content.ReadAsStringAsync()).ShouldBe(await created.Content.ReadAsStringAsync());
        await reused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await released.ReadJsonAsync()).Str("status").ShouldBe("released");
        releasedAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        await fulfilAfterRelease.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("available").ShouldBe(5);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements WHERE kind = 'release'")).ShouldBe(1);
    }

    [Fact]
    public async Task Click_and_collect_is_only_promised_at_a_store_offering_it_and_from_that_store_alone()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("no-cc", "MIEL");
        await hub.Client.PutLocationAsync("no-cc", clickAndCollect: false);
        await hub.Client.PutLocationAsync("cc");
        await hub.Client.ReceiveAsync("MIEL", "no-cc", 50);

        using var notOffered = await hub.Client.ReserveAsync("r1", "no-cc", ("MIEL", 1));
        using var elsewhere = await hub.Client.ReserveAsync("r2", "cc", ("MIEL", 1));

        await notOffered.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await elsewhere.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("insufficient")[0].Int("available").ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"reservationId":"r","locationId":"hub","channel":"click-and-collect","lines":[]}""", "lines")]
    [InlineData("""{"reservationId":"r","locationId":"hub","channel":"click-and-collect","lines":[{"sku":"MIEL","quantity":0}]}""", "lines[0].quantity")]
    [InlineData("""{"reservationId":"r","locationId":"hub","channel":"click-and-collect","lines":[{"sku":"MIEL","quantity":1},{"sku":"MIEL","quantity":1}]}""", "lines[1].sku")]
    [InlineData("""{"reservationId":"r","locationId":"hub","channel":"drone","lines":[{"sku":"MIEL","quantity":1}]}""", "channel")]
    [InlineData("""{"reservationId":"r","locationId":"hub","channel":"online","ttlSeconds":0,"lines":[{"sku":"MIEL","quantity":1}]}""", "ttlSeconds")]
    [InlineData("""{"locationId":"hub","channel":"online","lines":[{"sku":"MIEL","quantity":1}]}""", "reservationId")]
    [InlineData("""{"reservationId":"r","locationId":"hub","channel":"online","lines":[{"sku":"NOPE","quantity":1}]}""", "lines[0].sku")]
    [InlineData("""{"reservationId":"r","locationId":"nowhere","channel":"online","lines":[{"sku":"MIEL","quantity":1}]}""", "locationId")]
    public async Task An_invalid_reservation_is_a_400_naming_the_field_and_holds_nothing(string body, string field)
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5);

        using var response = await hub.Client.PostAsync("/api/reservations", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM reservations")).ShouldBe(0);
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("held").ShouldBe(0);
    }
}
