using System.Diagnostics;
using System.Net;
using MakeTheChange.Connectors.Square.Simulator.Tills;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class TillWebhookTests : SimulatorTest
{
    private const string SaleOfTwoHoneys = """{"lines":[{"sku":"MIEL-250","quantity":2}]}""";

    [Fact]
    public async Task A_till_sale_lowers_counts_and_sends_signed_webhooks()
    {
        Simulator.SetInventoryCount(Honey250, Brussels, 10);
        var receiver = await SubscribeAsync();

        var sale = await ControlAsync(HttpMethod.Post, $"simulator/locations/{Brussels}/sales", SaleOfTwoHoneys);
        var webhooks = await receiver.WaitForAsync(3);

        Simulator.GetInventoryCount(Honey250, Brussels)!.Quantity.ShouldBe(8);
        webhooks.Select(webhook => webhook.Type).ShouldBe(["payment.created", "payment.updated", "inventory.count.updated"]);
        webhooks.ShouldAllBe(webhook => webhook.HasValidSignature(receiver.Url, SignatureKey));
        webhooks.ShouldAllBe(webhook => webhook.Environment == "Sandbox" && webhook.ContentType.StartsWith("application/json"));
        webhooks.Select(webhook => webhook.EventId).Distinct().Count().ShouldBe(3);
        var payment = webhooks[0].Json;
        payment["merchant_id"]!.GetValue<string>().ShouldBe("SIMMERCHANT");
        payment["created_at"]!.GetValue<string>().ShouldEndWith("Z");
        payment["data"]!["type"]!.GetValue<string>().ShouldBe("payment");
        payment["data"]!["id"]!.GetValue<string>().ShouldBe(sale["paymentId"]!.GetValue<string>());
        payment["data"]!["object"]!["payment"]!["order_id"]!.GetValue<string>().ShouldBe(sale["orderId"]!.GetValue<string>());
        payment["data"]!["object"]!["payment"]!["location_id"]!.GetValue<string>().ShouldBe(Brussels);
        var inventory = webhooks[2].Json["data"]!;
        inventory["type"]!.GetValue<string>().ShouldBe("inventory");
        var count = inventory["object"]!["inventory_counts"]!.AsArray().Single()!;
        count["catalog_object_id"]!.GetValue<string>().ShouldBe(Honey250);
        count["location_id"]!.GetValue<string>().ShouldBe(Brussels);
        count["quantity"]!.GetValue<string>().ShouldBe("8");
        count["state"]!.GetValue<string>().ShouldBe("IN_STOCK");
    }

    [Fact]
    public async Task A_till_sale_is_never_refused_and_counts_may_go_negative()
    {
        Simulator.SetInventoryCount(Soap, Ghent, 1);

        Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 3 }] });

        Simulator.GetInventoryCount(Soap, Ghent)!.Quantity.ShouldBe(-2);
    }

    [Fact]
    public async Task A_linked_till_return_raises_counts_refers_to_the_sale_and_sends_refund_webhooks()
    {
        Simulator.SetInventoryCount(Honey250, Brussels, 10);
        var sale = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { Sku = "MIEL-250", Quantity = 2 }] });
        var receiver = await SubscribeAsync();

        var tillReturn = await ControlAsync(
            HttpMethod.Post,
            $"simulator/locations/{Brussels}/returns",
            $$"""{"sourceOrderId":"{{sale.OrderId}}","lines":[{"variationId":"{{Honey250}}","quantity":1}]}""");
        var webhooks = await receiver.WaitForAsync(3);
        var (_, order) = await GetAsync($"v2/orders/{tillReturn["orderId"]}");
        var (_, original) = await GetAsync($"v2/orders/{sale.OrderId}");

        Simulator.GetInventoryCount(Honey250, Brussels)!.Quantity.ShouldBe(9);
        webhooks.Select(webhook => webhook.Type).ShouldBe(["refund.created", "refund.updated", "inventory.count.updated"]);
        webhooks[1].Json["data"]!["object"]!["refund"]!["id"]!.GetValue<string>().ShouldBe(tillReturn["refundId"]!.GetValue<string>());
        webhooks[1].Json["data"]!["object"]!["refund"]!["payment_id"]!.GetValue<string>().ShouldBe(sale.PaymentId);
        var returned = order["order"]!["returns"]![0]!;
        returned["source_order_id"]!.GetValue<string>().ShouldBe(sale.OrderId);
        var line = returned["return_line_items"]![0]!;
        line["source_line_item_uid"]!.GetValue<string>().ShouldBe(original["order"]!["line_items"]![0]!["uid"]!.GetValue<string>());
        line["catalog_object_id"]!.GetValue<string>().ShouldBe(Honey250);
        line["quantity"]!.GetValue<string>().ShouldBe("1");
    }

    [Fact]
    public async Task An_api_change_fires_inventory_count_updated_too()
    {
        var receiver = await SubscribeAsync();

        await PostAsync("v2/inventory/changes/batch-create", Receive("hub-webhook", Soap, Ghent, 6));
        var webhooks = await receiver.WaitForAsync(1);

        webhooks.Single().Type.ShouldBe("inventory.count.updated");
        webhooks.Single().Json["data"]!["object"]!["inventory_counts"]![0]!["quantity"]!.GetValue<string>().ShouldBe("6");
    }

    [Fact]
    public async Task Duplicate_delivery_sends_every_event_twice_with_the_same_event_id()
    {
        var receiver = await SubscribeAsync(duplicate: true);

        await ControlAsync(HttpMethod.Post, $"simulator/locations/{Brussels}/sales", SaleOfTwoHoneys);
        var webhooks = await receiver.WaitForAsync(6);

        webhooks.GroupBy(webhook => webhook.EventId).ShouldAllBe(copies => copies.Count() == 2);
        webhooks.Select(webhook => webhook.EventId).Distinct().Count().ShouldBe(3);
        webhooks.ShouldAllBe(webhook => webhook.HasValidSignature(receiver.Url, SignatureKey));
    }

    [Fact]
    public async Task Reorder_delivers_the_events_of_a_batch_in_reverse_order()
    {
        var receiver = await SubscribeAsync(reorder: true);

        await ControlAsync(HttpMethod.Post, $"simulator/locations/{Brussels}/sales", SaleOfTwoHoneys);
        var webhooks = await receiver.WaitForAsync(3);

        webhooks.Select(webhook => webhook.Type).ShouldBe(["inventory.count.updated", "payment.updated", "payment.created"]);
    }

    [Fact]
    public async Task A_receiver_slow_to_answer_one_sale_still_gets_the_next_sales_webhooks()
    {
        var receiver = await SubscribeAsync();
        var release = new TaskCompletionSource();
        receiver.HoldNextAnswerUntil(release.Task);
        try
        {
            Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] });
            Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { VariationId = Honey, Quantity = 1 }] });

            // Whichever sale's payment.created came first is not answered yet: that sale's other events wait behind it, the other sale's do not.
            var webhooks = await receiver.WaitForAsync(4);

            webhooks.Count.ShouldBe(4);
            var bySale = webhooks.GroupBy(LocationOf, StringComparer.Ordinal).OrderBy(sale => sale.Count()).ToList();
            bySale.Select(sale => sale.Key).ShouldBe([Brussels, Ghent], ignoreOrder: true);
            bySale[0].Select(webhook => webhook.Type).ShouldBe(["payment.created"]);
            bySale[1].Select(webhook => webhook.Type).ShouldBe(["payment.created", "payment.updated", "inventory.count.updated"]);
        }
        finally
        {
            release.SetResult();
        }

        (await receiver.WaitForAsync(6)).Count.ShouldBe(6);

        static string LocationOf(ReceivedWebhook webhook) =>
            (webhook.Json["data"]!["object"]!["payment"]?["location_id"] ?? webhook.Json["data"]!["object"]!["inventory_counts"]![0]!["location_id"])!.GetValue<string>();
    }

    [Fact]
    public async Task A_delay_holds_events_before_their_delivery()
    {
        var receiver = await SubscribeAsync(delayMs: 400);
        var stopwatch = Stopwatch.StartNew();

        Simulator.SetInventoryCount(Soap, Brussels, 3);
        await Task.Delay(200);
        receiver.Received.ShouldBeEmpty();
        await receiver.WaitForAsync(1);

        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(380);
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_until_the_receiver_accepts_it()
    {
        var receiver = await SubscribeAsync();
        receiver.AnswerNext(500, 503);

        Simulator.SetInventoryCount(Soap, Brussels, 3);
        var webhooks = await receiver.WaitForAsync(3);

        webhooks.Select(webhook => webhook.EventId).Distinct().Count().ShouldBe(1);
        var deliveries = await ControlAsync(HttpMethod.Get, "simulator/webhooks/deliveries");
        deliveries.AsArray().Select(attempt => attempt!["statusCode"]!.GetValue<int>()).ShouldBe([500, 503, 200]);
        deliveries.AsArray().Select(attempt => attempt!["attempt"]!.GetValue<int>()).ShouldBe([1, 2, 3]);
        deliveries[0]!["eventId"]!.GetValue<string>().ShouldBe(webhooks[0].EventId);
        deliveries[0]!["type"]!.GetValue<string>().ShouldBe("inventory.count.updated");
    }

    [Fact]
    public async Task A_raw_event_can_be_sent_with_a_correct_or_a_wrong_signature()
    {
        var receiver = await SubscribeAsync();
        const string body = """{"merchant_id":"SIMMERCHANT","type":"payment.updated","event_id":"raw-1","created_at":"2025-09-01T13:10:00Z","data":{"type":"payment","id":"P1","object":{}}}""";

        var good = await ControlAsync(HttpMethod.Post, "simulator/webhooks/send", $$"""{"body":{{System.Text.Json.JsonSerializer.Serialize(body)}}}""");
        var bad = await ControlAsync(HttpMethod.Post, "simulator/webhooks/send", $$"""{"body":{{System.Text.Json.JsonSerializer.Serialize(body)}},"badSignature":true}""");
        var webhooks = await receiver.WaitForAsync(2);

        good["statusCode"]!.GetValue<int>().ShouldBe(200);
        bad["statusCode"]!.GetValue<int>().ShouldBe(200);
        System.Text.Encoding.UTF8.GetString(webhooks[0].Body).ShouldBe(body);
        webhooks[0].HasValidSignature(receiver.Url, SignatureKey).ShouldBeTrue();
        webhooks[1].HasValidSignature(receiver.Url, SignatureKey).ShouldBeFalse();
        webhooks[1].Signature.ShouldBe(bad["signature"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drift_changes_the_count_without_a_change_record_or_a_webhook()
    {
        Simulator.SetInventoryCount(Honey, Ghent, 10);
        var receiver = await SubscribeAsync();

        var drifted = await ControlAsync(HttpMethod.Post, $"simulator/inventory/{Honey}/{Ghent}/drift", """{"quantity":7}""");
        await Task.Delay(300);

        drifted["quantity"]!.GetValue<decimal>().ShouldBe(7);
        var (_, counts) = await PostAsync("v2/inventory/counts/batch-retrieve", $$"""{"catalog_object_ids":["{{Honey}}"]}""");
        counts["counts"]![0]!["quantity"]!.GetValue<string>().ShouldBe("7");
        var (_, changes) = await PostAsync("v2/inventory/changes/batch-retrieve", $$"""{"catalog_object_ids":["{{Honey}}"]}""");
        changes["changes"]!.AsArray().Count.ShouldBe(1);
        receiver.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dashboard_recount_through_the_control_api_records_a_physical_count()
    {
        var level = await ControlAsync(HttpMethod.Put, $"simulator/inventory/{Soap}/{Ghent}", """{"quantity":"12.5"}""");
        var read = await ControlAsync(HttpMethod.Get, $"simulator/inventory/{Soap}/{Ghent}");

        level["quantity"]!.GetValue<decimal>().ShouldBe(12.5m);
        read["quantity"]!.GetValue<decimal>().ShouldBe(12.5m);
        read["calculatedAt"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_sale_of_an_unknown_sku_is_refused_by_the_control_api()
    {
        using var response = await Control.PostAsync($"simulator/locations/{Brussels}/sales", Json("""{"lines":[{"sku":"NOPE","quantity":1}]}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reset_forgets_everything()
    {
        Simulator.SetInventoryCount(Soap, Ghent, 4);
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"latencyMs":1}""");

        await ControlAsync(HttpMethod.Post, "simulator/reset");

        var (_, locations) = await GetAsync("v2/locations");
        locations["locations"]!.AsArray().ShouldBeEmpty();
        var stats = await ControlAsync(HttpMethod.Get, "simulator/stats");
        stats["totalRequests"]!.GetValue<long>().ShouldBe(1);
    }
}
