using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>
/// What every POS connector must do, run against each vendor's simulator: till sales reach the hub
/// within a second, hub changes reach the POS, duplicates and stale or forged events change nothing,
/// nothing is lost through rate limits and outages, and reconciliation repairs drift.
/// </summary>
public abstract class PosConnectorContract<TPos>
    where TPos : IPosUnderTest, new()
{
    protected const string Store = "store-a";
    protected const string OtherStore = "store-b";
    protected const string Honey = "MIEL-250";
    protected const string Soap = "SAVON-BOX";
    protected const string ConnectionId = "pos";

    protected static readonly Dictionary<string, string?> QuickWorkers = new(StringComparer.Ordinal)
    {
        ["Hub:Connectors:WorkInterval"] = "00:00:00.100",
        ["Hub:Connectors:FirstRetryDelay"] = "00:00:00.200",
        ["Hub:Connectors:MaxRetryDelay"] = "00:00:02",
        ["Hub:Connectors:PollInterval"] = "01:00:00",
        ["Hub:Connectors:ReconcileInterval"] = "1.00:00:00",
        ["Hub:Square:RetryDelay"] = "00:00:00.020",
        ["Hub:Square:MaxRetryAttempts"] = "2",
        ["Hub:Square:CircuitBreakDuration"] = "00:00:01",
        ["Hub:Lightspeed:RetryDelay"] = "00:00:00.020",
        ["Hub:Lightspeed:MaxRetryAttempts"] = "2",
        ["Hub:Lightspeed:CircuitBreakDuration"] = "00:00:01",
    };

    [Fact]
    public async Task A_till_sale_lowers_the_hub_level_within_a_second()
    {
        await using var setup = await ConnectAsync();

        var rung = Stopwatch.StartNew();
        await setup.Pos.RingSaleAsync(Store, Honey, 2);
        var level = await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 8, TimeSpan.FromSeconds(5));
        rung.Stop();

        level.ShouldBe(8);
        rung.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        var sale = await LastMovementAsync(setup.Hub, Honey, Store);
        (sale.Str("kind"), sale.Str("source")).ShouldBe(("sale", $"{Kind}:{ConnectionId}"));
    }

    [Fact]
    public async Task A_till_return_raises_the_hub_level()
    {
        await using var setup = await ConnectAsync();

        await setup.Pos.RingReturnAsync(Store, Soap, 1);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 11, TimeSpan.FromSeconds(5))).ShouldBe(11);
        (await LastMovementAsync(setup.Hub, Soap, Store)).Str("kind").ShouldBe("return");
    }

    [Fact]
    public async Task A_hub_receipt_reaches_the_pos_count_and_a_till_sale_is_not_echoed_back()
    {
        await using var setup = await ConnectAsync();

        await setup.Hub.Client.ReceiveAsync(Honey, Store, 5);
        await setup.Pos.RingSaleAsync(Store, Soap, 1);

        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(Store, Honey), count => count == 15, TimeSpan.FromSeconds(5))).ShouldBe(15);
        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 9, TimeSpan.FromSeconds(5))).ShouldBe(9);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await setup.Pos.CountAsync(Store, Soap)).ShouldBe(9, "the sale came from the POS: pushing it back would count it twice");
        (await Sql.ScalarAsync<long>(setup.Hub.ConnectionString, "SELECT count(*) FROM pos_pushes WHERE sku = $1", Soap)).ShouldBe(0);
    }

    [Fact]
    public async Task Duplicated_and_reordered_webhooks_change_stock_once()
    {
        await using var setup = await ConnectAsync();
        await setup.Pos.SetWebhooksAsync(WebhookBehaviour.DuplicatedAndReordered);

        await setup.Pos.RingSaleAsync(Store, Honey, 1);
        await setup.Pos.RingSaleAsync(Store, Honey, 2);
        await setup.Pos.RingSaleAsync(OtherStore, Honey, 3);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 7, TimeSpan.FromSeconds(5))).ShouldBe(7);
        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, OtherStore), onHand => onHand == 7, TimeSpan.FromSeconds(5))).ShouldBe(7);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await OnHandAsync(setup.Hub, Honey, Store)).ShouldBe(7);
        (await Sql.ScalarAsync<long>(setup.Hub.ConnectionString, "SELECT count(*) FROM stock_movements WHERE kind = 'sale'")).ShouldBe(3);
        (await Ledger.ViolationsAsync(setup.Hub.ConnectionString)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_stock_notice_is_ignored()
    {
        await using var setup = await ConnectAsync();

        var (afterFresh, afterStale) = await setup.Pos.SendFreshThenStaleStockNoticesAsync(Store, Honey);

        afterFresh.ShouldBeGreaterThan(0, "a fresh notice makes the connector read what changed");
        afterStale.ShouldBe(0, "a notice older than one already seen is dropped without reading anything");
        (await OnHandAsync(setup.Hub, Honey, Store)).ShouldBe(10);
    }

    [Fact]
    public async Task A_webhook_with_a_bad_signature_is_refused_and_nothing_is_applied()
    {
        await using var setup = await ConnectAsync();

        var forged = await setup.Pos.ForgeSaleEventAsync(Store, Honey, 4);

        forged.ShouldBe(HttpStatusCode.Unauthorized);
        (await Sql.ScalarAsync<long>(setup.Hub.ConnectionString, "SELECT count(*) FROM pos_inbound_events WHERE event_type = $1", setup.Pos.SaleEventType)).ShouldBe(0);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await OnHandAsync(setup.Hub, Honey, Store)).ShouldBe(10);

        // The same event, signed as the POS signs it, is taken: the refusal was the signature's doing.
        (await setup.Pos.ResendForgedEventGenuinelyAsync()).ShouldBe(HttpStatusCode.OK);
        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand < 10, TimeSpan.FromSeconds(5))).ShouldBe(6);
    }

    [Fact]
    public async Task A_sale_whose_webhooks_are_lost_is_caught_by_the_poller()
    {
        await using var setup = await ConnectAsync(new() { ["Hub:Connectors:PollInterval"] = "00:00:01" });
        await setup.Pos.SetWebhooksAsync(WebhookBehaviour.Off);

        await setup.Pos.RingSaleAsync(Store, Soap, 3);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 7, TimeSpan.FromSeconds(10))).ShouldBe(7);
    }

    [Fact]
    public async Task A_sale_of_an_item_the_hub_does_not_know_is_parked_not_dropped()
    {
        await using var setup = await ConnectAsync();

        await setup.Pos.RingSaleOfUnknownItemAsync(Store, "NOT-IN-HUB", 1);

        var parked = await Eventually.ReturnsAsync(
            () => setup.Hub.Client.GetJsonAsync($"/api/connections/{ConnectionId}/parked"),
            page => page.GetProperty("items").GetArrayLength() > 0,
            TimeSpan.FromSeconds(5));
        var item = parked.GetProperty("items")[0];
        item.Str("reason")!.ShouldContain("NOT-IN-HUB");
        (await setup.Hub.Client.GetJsonAsync($"/api/connections/{ConnectionId}")).GetProperty("health").GetProperty("parked").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Every_push_lands_after_a_rate_limit_storm_and_a_one_minute_outage()
    {
        await using var setup = await ConnectAsync();

        await setup.Pos.SetRateLimitStormAsync(true);
        for (var i = 0; i < 20; i++)
        {
            await setup.Hub.Client.ReceiveAsync(i % 2 == 0 ? Honey : Soap, Store, 1);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        (await setup.Pos.RateLimitedAsync()).ShouldBeGreaterThan(0);
        await setup.Pos.SetRateLimitStormAsync(false);
        await setup.Pos.SetOutageAsync(true);
        for (var i = 0; i < 20; i++)
        {
            await setup.Hub.Client.ReceiveAsync(i % 2 == 0 ? Honey : Soap, OtherStore, 1);
        }

        await Task.Delay(TimeSpan.FromMinutes(1));
        var during = await setup.Hub.Client.GetJsonAsync($"/api/connections/{ConnectionId}");
        during.GetProperty("health").GetProperty("pendingPushes").GetInt64().ShouldBeGreaterThan(0);
        await setup.Pos.SetOutageAsync(false);

        // Batches that failed are tried again each on its own schedule, so they may land in any order.
        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(Store, Honey), count => count == 20, TimeSpan.FromSeconds(15))).ShouldBe(20);
        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(OtherStore, Soap), count => count == 20, TimeSpan.FromSeconds(15))).ShouldBe(20);
        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(Store, Soap), count => count == 20, TimeSpan.FromSeconds(15))).ShouldBe(20);
        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(OtherStore, Honey), count => count == 20, TimeSpan.FromSeconds(15))).ShouldBe(20);
        // The POS counts can be right a moment before the hub has recorded the answers.
        var after = await Eventually.ReturnsAsync(
            () => setup.Hub.Client.GetJsonAsync($"/api/connections/{ConnectionId}"),
            connection => connection.GetProperty("health").GetProperty("pendingPushes").GetInt64() == 0,
            TimeSpan.FromSeconds(5));
        after.GetProperty("health").GetProperty("pendingPushes").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Drift_injected_in_the_pos_is_found_and_repaired_by_reconciliation()
    {
        await using var setup = await ConnectAsync();
        await setup.Pos.InjectDriftAsync(Store, Honey, 4);

        using var response = await setup.Hub.Client.PostAsync($"/api/connections/{ConnectionId}/reconcile", content: null);
        var report = await response.ReadJsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var drift = report.GetProperty("drift").EnumerateArray().Single();
        (drift.Str("sku"), drift.Str("locationId"), drift.Int("posCount"), drift.Int("expected")).ShouldBe((Honey, Store, 4, 10));
        report.Int("repaired").ShouldBe(1);
        (await setup.Pos.CountAsync(Store, Honey)).ShouldBe(10);
        (await OnHandAsync(setup.Hub, Honey, Store)).ShouldBe(10);
    }

    [Fact]
    public async Task The_connection_reports_its_health_and_never_its_secrets()
    {
        await using var setup = await ConnectAsync();
        await setup.Pos.RingSaleAsync(Store, Honey, 1);
        await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 9, TimeSpan.FromSeconds(5));

        using var response = await setup.Hub.Client.GetAsync($"/api/connections/{ConnectionId}");
        var body = await response.Content.ReadAsStringAsync();
        var connection = await response.ReadJsonAsync();

        connection.Str("kind").ShouldBe(Kind);
        connection.GetProperty("health").GetProperty("lastEventAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        body.ShouldNotContain(PosSecrets.AccessToken);
        body.ShouldNotContain(PosSecrets.SignatureKey);
    }

    protected abstract string Kind { get; }

    protected static async Task<Setup> ConnectAsync(Dictionary<string, string?>? settings = null, Action<TPos>? arrange = null)
    {
        var all = new Dictionary<string, string?>(QuickWorkers, StringComparer.Ordinal);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var hub = await TestHub.StartAsync(settings: all);
        await hub.Client.CatalogAsync(Store, Honey, Soap);
        await hub.Client.PutLocationAsync(OtherStore);
        foreach (var store in new[] { Store, OtherStore })
        {
            await hub.Client.ReceiveAsync(Honey, store, 10);
            await hub.Client.ReceiveAsync(Soap, store, 10);
        }

        var pos = new TPos();
        arrange?.Invoke(pos);
        await pos.ConnectAsync(hub, ConnectionId, [Store, OtherStore], [Honey, Soap]);
        return new Setup(hub, pos);
    }

    protected static async Task<int> OnHandAsync(TestHub hub, string sku, string store) =>
        (await hub.Client.GetJsonAsync($"/api/stock/{sku}/{store}")).Int("onHand");

    protected static async Task<long> PendingEventsAsync(TestHub hub) =>
        (await hub.Client.GetJsonAsync($"/api/connections/{ConnectionId}")).GetProperty("health").GetProperty("pendingEvents").GetInt64();

    protected static async Task<System.Text.Json.JsonElement> LastMovementAsync(TestHub hub, string sku, string store) =>
        (await hub.Client.GetJsonAsync($"/api/stock/{sku}/{store}/movements")).GetProperty("items").EnumerateArray().Last();

    protected sealed record Setup(TestHub Hub, TPos Pos) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Pos.DisposeAsync();
            await Hub.DisposeAsync();
        }
    }
}
