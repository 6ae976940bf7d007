using System.Net.Http.Json;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>The connector contract, against the Lightspeed X-Series simulator, and what only Lightspeed does.</summary>
public sealed class LightspeedConnectorContractTests : PosConnectorContract<LightspeedPosUnderTest>
{
    protected override string Kind => "lightspeed-x";

    [Fact]
    public async Task A_voided_sale_gives_back_what_it_took()
    {
        await using var setup = await ConnectAsync();
        var sale = setup.Pos.Lightspeed.RecordSale(LightspeedPosUnderTest.Outlet(Store), new() { Lines = [new() { ProductId = LightspeedPosUnderTest.Product(Honey), Quantity = 3 }] });
        await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 7, TimeSpan.FromSeconds(5));

        setup.Pos.Lightspeed.VoidSale(sale.SaleId);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 10, TimeSpan.FromSeconds(5))).ShouldBe(10);
        var reversal = await LastMovementAsync(setup.Hub, Honey, Store);
        (reversal.Str("kind"), reversal.Str("movementId")!.EndsWith("-void", StringComparison.Ordinal)).ShouldBe(("return", true));
        (await setup.Pos.CountAsync(Store, Honey)).ShouldBe(10);
    }

    [Fact]
    public async Task A_sale_whose_webhook_is_dropped_is_caught_by_the_next_poll()
    {
        await using var setup = await ConnectAsync(new() { ["Hub:Connectors:PollInterval"] = "00:00:02" });
        setup.Pos.DropNextWebhooks(10);

        await setup.Pos.RingSaleAsync(Store, Soap, 2);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 8, TimeSpan.FromSeconds(6))).ShouldBe(8);
        setup.Pos.Lightspeed.GetWebhookDeliveries().ShouldContain(delivery => delivery.Dropped);
    }

    [Fact]
    public async Task A_connection_pointed_at_another_store_reads_that_stores_sales_from_where_it_stands()
    {
        await using var setup = await ConnectAsync();
        await setup.Pos.RingSaleAsync(Store, Honey, 1);
        await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 9, TimeSpan.FromSeconds(5));

        // A new Lightspeed account numbers its versions from scratch: the old cursor is past its first sales.
        await using var moved = new LightspeedPosUnderTest();
        await moved.ConnectAsync(setup.Hub, ConnectionId, [Store, OtherStore], [Honey, Soap]);
        await moved.RingSaleAsync(Store, Honey, 2);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 7, TimeSpan.FromSeconds(5))).ShouldBe(7);
    }

    [Theory]
    [InlineData("raw-body", "hex")]
    [InlineData("raw-body", "base64")]
    [InlineData("payload", "hex")]
    [InlineData("payload", "base64")]
    public async Task Webhooks_are_verified_however_the_connection_says_lightspeed_signs_them(string input, string encoding)
    {
        await using var setup = await ConnectAsync(arrange: pos =>
        {
            pos.Settings["signatureInput"] = input;
            pos.Settings["signatureEncoding"] = encoding;
        });

        var forged = await setup.Pos.ForgeSaleEventAsync(Store, Honey, 1);
        var genuine = await setup.Pos.ResendForgedEventGenuinelyAsync();

        (forged, genuine).ShouldBe((System.Net.HttpStatusCode.Unauthorized, System.Net.HttpStatusCode.OK));
        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 9, TimeSpan.FromSeconds(5))).ShouldBe(9);
    }

    [Fact]
    public async Task A_connection_without_a_client_secret_takes_unsigned_webhooks()
    {
        await using var setup = await ConnectAsync(arrange: pos => pos.ClientSecret = string.Empty);

        await setup.Pos.RingSaleAsync(Store, Honey, 2);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 8, TimeSpan.FromSeconds(5))).ShouldBe(8);
    }

    [Fact]
    public async Task In_adjustment_mode_hub_changes_reach_lightspeed_as_stock_adjustments()
    {
        await using var setup = await ConnectAsync(arrange: pos => pos.Settings["pushMode"] = "adjustment");

        await setup.Hub.Client.ReceiveAsync(Soap, Store, 4);
        await setup.Hub.Client.PostMovementAsync(Soap, Store, new { movementId = "broken-jar", kind = "damage", quantity = 1 });

        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(Store, Soap), count => count == 13, TimeSpan.FromSeconds(20))).ShouldBe(13);
        setup.Pos.Lightspeed.GetStats().Requests.GetValueOrDefault("POST /api/2026-07/stock_adjustments").ShouldBeGreaterThan(0);
        setup.Pos.Lightspeed.GetStats().Requests.GetValueOrDefault("PUT /api/2.1/products/{productId}").ShouldBe(0);
    }

    [Fact]
    public async Task A_write_lightspeed_never_answers_is_parked_not_sent_twice()
    {
        await using var setup = await ConnectAsync(new() { ["Hub:Lightspeed:AttemptTimeout"] = "00:00:01" });
        setup.Pos.Lightspeed.SetFaults(new() { LoseWriteAnswers = true });
        var writesBefore = Writes(setup.Pos);

        await setup.Hub.Client.ReceiveAsync(Soap, Store, 4);

        var parked = await Eventually.ReturnsAsync(
            () => setup.Hub.Client.GetJsonAsync($"/api/connections/{ConnectionId}/parked"),
            page => page.GetProperty("items").GetArrayLength() > 0,
            TimeSpan.FromSeconds(10));
        parked.GetProperty("items")[0].Str("reason")!.ShouldContain("may have gone through");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (Writes(setup.Pos) - writesBefore).ShouldBe(1);
        (await setup.Pos.CountAsync(Store, Soap)).ShouldBe(14);
        setup.Pos.Lightspeed.SetFaults(new());
        using var reconcile = await setup.Hub.Client.PostAsync($"/api/connections/{ConnectionId}/reconcile", content: null);
        (await reconcile.ReadJsonAsync()).GetProperty("drift").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_governor_keeps_the_connector_within_the_stores_request_budget()
    {
        await using var setup = await ConnectWithBudgetAsync(requests: 8, windowSeconds: 4);

        // Forty changes rung one by one: each push reads and writes an amount, far more than 8 requests in 4 s.
        for (var i = 0; i < 20; i++)
        {
            await setup.Hub.Client.ReceiveAsync(Honey, i % 2 == 0 ? Store : OtherStore, 1);
            await setup.Hub.Client.ReceiveAsync(Soap, i % 2 == 0 ? OtherStore : Store, 1);
        }

        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(OtherStore, Soap), count => count == 20, TimeSpan.FromSeconds(40))).ShouldBe(20);
        (await Eventually.ReturnsAsync(() => setup.Pos.CountAsync(Store, Honey), count => count == 20, TimeSpan.FromSeconds(40))).ShouldBe(20);
        var stats = setup.Pos.Lightspeed.GetStats();
        stats.RateLimited.ShouldBe(0);
        stats.MaxRequestsInAnyWindow.ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task A_poll_set_off_by_a_sale_reads_the_sales_feed_as_far_as_the_sale_and_no_further()
    {
        await using var setup = await ConnectAsync();
        var before = SalesReads(setup.Pos);

        await setup.Pos.RingSaleAsync(Store, Soap, 1);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 9, TimeSpan.FromSeconds(5))).ShouldBe(9);
        (await Eventually.ReturnsAsync(() => PendingEventsAsync(setup.Hub), pending => pending == 0, TimeSpan.FromSeconds(10))).ShouldBe(0);
        (SalesReads(setup.Pos) - before).ShouldBe(1, "the page holding the sale's version is enough: no empty page after it");
    }

    [Fact]
    public async Task Sale_webhooks_share_polls_paced_to_the_stores_request_budget()
    {
        // 40 requests per 10 s: webhooks may poll the sales feed twice a second, after a burst of one.
        await using var setup = await ConnectWithBudgetAsync(requests: 40, windowSeconds: 10);
        var before = SalesReads(setup.Pos);

        for (var i = 0; i < 10; i++)
        {
            await setup.Pos.RingSaleAsync(i % 2 == 0 ? Store : OtherStore, Soap, 1);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 5, TimeSpan.FromSeconds(10))).ShouldBe(5);
        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, OtherStore), onHand => onHand == 5, TimeSpan.FromSeconds(10))).ShouldBe(5);
        (await Eventually.ReturnsAsync(() => PendingEventsAsync(setup.Hub), pending => pending == 0, TimeSpan.FromSeconds(15))).ShouldBe(0);

        // Ten sales over a second: one poll at once, then one every half second. One poll per webhook would be ten or more.
        (SalesReads(setup.Pos) - before).ShouldBeInRange(2, 6);
        setup.Pos.Lightspeed.GetStats().RateLimited.ShouldBe(0);
    }

    private static long SalesReads(LightspeedPosUnderTest pos) =>
        pos.Lightspeed.GetStats().Requests.GetValueOrDefault("GET /api/2.0/sales");

    private static long Writes(LightspeedPosUnderTest pos) =>
        pos.Lightspeed.GetStats().Requests.GetValueOrDefault("PUT /api/2.1/products/{productId}");

    /// <summary>A store whose simulator allows this many requests per window, and a connection told so.</summary>
    private static async Task<Setup> ConnectWithBudgetAsync(int requests, int windowSeconds)
    {
        var setup = await ConnectAsync(arrange: pos =>
        {
            pos.Settings["rateLimitRequests"] = requests;
            pos.Settings["rateLimitWindowSeconds"] = windowSeconds;
        });
        setup.Pos.Lightspeed.SetRateLimit(new() { Limit = requests, WindowSeconds = windowSeconds });
        return setup;
    }
}
