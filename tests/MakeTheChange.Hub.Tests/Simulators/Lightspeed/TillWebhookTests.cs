using System.Diagnostics;
using System.Net;
using System.Text;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed class TillWebhookTests : SimulatorTest
{
    [Theory]
    [InlineData("raw-body", "hex")]
    [InlineData("raw-body", "base64")]
    [InlineData("payload", "hex")]
    [InlineData("payload", "base64")]
    public async Task A_till_sale_lowers_inventory_and_sends_signed_form_encoded_webhooks(string signatureInput, string signatureEncoding)
    {
        Simulator.SetInventory(Honey, Brussels, 10);
        var receiver = await SubscribeAsync(ClientSecret, signatureInput, signatureEncoding);

        var sale = await ControlAsync(HttpMethod.Post, $"simulator/outlets/{Brussels}/sales", SaleOf("MIEL-250", 3));
        var webhooks = await receiver.WaitForAsync(2);

        Simulator.GetInventory(Honey, Brussels)!.Amount.ShouldBe(7);
        webhooks.Select(webhook => webhook.Type).ShouldBe(["sale.update", "inventory.update"]);
        webhooks.ShouldAllBe(webhook => webhook.HasValidSignature(ClientSecret, signatureInput, signatureEncoding));
        webhooks.ShouldAllBe(webhook => webhook.ContentType == "application/x-www-form-urlencoded; charset=utf-8");
        webhooks.ShouldAllBe(webhook => webhook.Form["environment"] == "prod" && webhook.Form["domain_prefix"] == "urbantherapy");
        webhooks[0].SignatureHeader!.ShouldEndWith(",algorithm=HMAC-SHA256");

        var salePayload = webhooks[0].Payload;
        salePayload["id"]!.GetValue<string>().ShouldBe(sale["saleId"]!.GetValue<string>());
        salePayload["outlet_id"]!.GetValue<string>().ShouldBe(Brussels);
        salePayload["status"]!.GetValue<string>().ShouldBe("CLOSED");
        salePayload["version"]!.GetValue<long>().ShouldBe(sale["version"]!.GetValue<long>());
        var line = salePayload["register_sale_products"]!.AsArray().Single()!;
        line["product_id"]!.GetValue<string>().ShouldBe(Honey);
        line["quantity"]!.GetValue<decimal>().ShouldBe(3);
        salePayload["totals"]!["total_payment"]!.GetValue<string>().ShouldBe("25.50");

        var inventory = webhooks[1].Payload;
        inventory["product_id"]!.GetValue<string>().ShouldBe(Honey);
        inventory["outlet_id"]!.GetValue<string>().ShouldBe(Brussels);
        inventory["count"]!.GetValue<decimal>().ShouldBe(7);
        inventory["version"]!.GetValue<long>().ShouldBe(Simulator.GetInventory(Honey, Brussels)!.Version);
        inventory["version"]!.GetValue<long>().ShouldBeGreaterThan(salePayload["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_hook_without_a_client_secret_is_sent_unsigned()
    {
        var receiver = await SubscribeAsync(clientSecret: null);

        Simulator.SetInventory(Soap, Ghent, 4);
        var webhook = (await receiver.WaitForAsync(1)).Single();

        webhook.SignatureHeader.ShouldBeNull();
        webhook.Type.ShouldBe("inventory.update");
        webhook.Payload["count"]!.GetValue<decimal>().ShouldBe(4);
    }

    [Fact]
    public async Task Duplicate_delivery_sends_every_event_twice_byte_for_byte()
    {
        var receiver = await SubscribeAsync(extra: ""","duplicate":true""");

        await ControlAsync(HttpMethod.Post, $"simulator/outlets/{Brussels}/sales", SaleOf("SAVON-LAV", 1));
        var webhooks = await receiver.WaitForAsync(4);

        webhooks.Select(webhook => webhook.Type).ShouldBe(["sale.update", "sale.update", "inventory.update", "inventory.update"]);
        webhooks[0].Body.ShouldBe(webhooks[1].Body);
        webhooks[2].Body.ShouldBe(webhooks[3].Body);
        (await DeliveriesAsync(4)).Count(attempt => attempt.Duplicate).ShouldBe(2);
    }

    [Fact]
    public async Task Reorder_delivers_the_events_of_an_operation_in_reverse_order()
    {
        var receiver = await SubscribeAsync(extra: ""","reorder":true""");

        await ControlAsync(HttpMethod.Post, $"simulator/outlets/{Brussels}/sales", SaleOf("SAVON-LAV", 1));
        var webhooks = await receiver.WaitForAsync(2);

        webhooks.Select(webhook => webhook.Type).ShouldBe(["inventory.update", "sale.update"]);
    }

    [Fact]
    public async Task A_delay_holds_events_before_their_delivery()
    {
        var receiver = await SubscribeAsync(extra: ""","delayMs":400""");
        var stopwatch = Stopwatch.StartNew();

        Simulator.SetInventory(Soap, Brussels, 3);
        await Task.Delay(200);
        receiver.Received.ShouldBeEmpty();
        await receiver.WaitForAsync(1);

        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(380);
    }

    [Fact]
    public async Task Drop_next_silently_loses_the_next_events_and_logs_them_as_dropped()
    {
        var receiver = await SubscribeAsync(extra: ""","dropNext":2""");

        var lost = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { ProductId = Soap, Quantity = 1 }] });
        Simulator.SetInventory(Candle, Ghent, 9);
        var webhooks = await receiver.WaitForAsync(1);
        await Task.Delay(200);

        webhooks.Single().Type.ShouldBe("inventory.update");
        webhooks.Single().Payload["product_id"]!.GetValue<string>().ShouldBe(Candle);
        var deliveries = await ControlAsync(HttpMethod.Get, "simulator/webhooks/deliveries");
        var dropped = deliveries.AsArray().Where(attempt => attempt!["dropped"]!.GetValue<bool>()).ToList();
        dropped.Select(attempt => attempt!["type"]!.GetValue<string>()).ShouldBe(["sale.update", "inventory.update"]);
        dropped[0]!["entityId"]!.GetValue<string>().ShouldBe(lost.SaleId);

        // Lost webhooks are what polling is for: the sale is in the feed all the same.
        var (_, sales) = await GetAsync("api/2.0/sales");
        Strings(sales["data"], "id").ShouldBe([lost.SaleId]);
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_until_the_receiver_accepts_it()
    {
        var receiver = await SubscribeAsync();
        receiver.AnswerNext(500, 503);

        Simulator.SetInventory(Soap, Brussels, 3);
        var webhooks = await receiver.WaitForAsync(3);

        webhooks.Select(webhook => webhook.Body).Distinct(new BytesComparer()).Count().ShouldBe(1);
        var deliveries = await DeliveriesAsync(3);
        deliveries.Select(attempt => attempt.StatusCode).ShouldBe([500, 503, 200]);
        deliveries.Select(attempt => attempt.Attempt).ShouldBe([1, 2, 3]);
        deliveries.ShouldAllBe(attempt => attempt.Type == "inventory.update" && attempt.EntityId == webhooks[0].EntityId);
    }

    [Theory]
    [InlineData("raw-body", "hex")]
    [InlineData("payload", "base64")]
    public async Task A_raw_event_is_sent_signed_correctly_or_deliberately_wrongly(string signatureInput, string signatureEncoding)
    {
        var receiver = await SubscribeAsync(ClientSecret, signatureInput, signatureEncoding);
        const string payload = """{"id":"06bf537b-c783-11e6-f6b9-7ea7909ffedd","status":"CLOSED","note":"café & crème"}""";

        var good = await ControlAsync(HttpMethod.Post, "simulator/webhooks/send", $$"""{"type":"sale.update","payload":{{System.Text.Json.JsonSerializer.Serialize(payload)}}}""");
        var bad = await ControlAsync(HttpMethod.Post, "simulator/webhooks/send", $$"""{"type":"sale.update","payload":{{payload}},"badSignature":true}""");
        var webhooks = await receiver.WaitForAsync(2);

        good["statusCode"]!.GetValue<int>().ShouldBe(200);
        webhooks[0].PayloadText.ShouldBe(payload);
        webhooks[0].Type.ShouldBe("sale.update");
        webhooks[0].HasValidSignature(ClientSecret, signatureInput, signatureEncoding).ShouldBeTrue();
        webhooks[0].SignatureHeader.ShouldBe(good["signature"]!.GetValue<string>());
        webhooks[1].PayloadText.ShouldBe(payload);
        webhooks[1].HasValidSignature(ClientSecret, signatureInput, signatureEncoding).ShouldBeFalse();
        webhooks[1].SignatureHeader.ShouldBe(bad["signature"]!.GetValue<string>());
    }

    [Fact]
    public async Task Voiding_a_sale_puts_its_units_back_and_sends_both_webhooks()
    {
        Simulator.SetInventory(Honey, Ghent, 10);
        var sale = Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { Sku = "MIEL-250", Quantity = 4 }] });
        var receiver = await SubscribeAsync();

        var voided = await ControlAsync(HttpMethod.Post, $"simulator/sales/{sale.SaleId}/void");
        var webhooks = await receiver.WaitForAsync(2);
        var (_, read) = await GetAsync($"api/2.0/sales/{sale.SaleId}");
        using var again = await Control.PostAsync($"simulator/sales/{sale.SaleId}/void", content: null);

        Simulator.GetInventory(Honey, Ghent)!.Amount.ShouldBe(10);
        voided["version"]!.GetValue<long>().ShouldBeGreaterThan(sale.Version);
        read["data"]!["status"]!.GetValue<string>().ShouldBe("VOIDED");
        read["data"]!["state"]!.GetValue<string>().ShouldBe("voided");
        read["data"]!["version"]!.GetValue<long>().ShouldBe(voided["version"]!.GetValue<long>());
        webhooks.Select(webhook => webhook.Type).ShouldBe(["sale.update", "inventory.update"]);
        webhooks[0].Payload["status"]!.GetValue<string>().ShouldBe("VOIDED");
        webhooks[1].Payload["count"]!.GetValue<decimal>().ShouldBe(10);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_returned_unit_raises_inventory_and_the_return_refers_to_its_sale()
    {
        Simulator.SetInventory(Candle, Brussels, 5);
        var sale = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { ProductId = Candle, Quantity = 2 }] });

        var tillReturn = await ControlAsync(
            HttpMethod.Post,
            $"simulator/outlets/{Brussels}/sales",
            $$"""{"returnFor":"{{sale.SaleId}}","lines":[{"productId":"{{Candle}}","quantity":-1}]}""");
        var (_, read) = await GetAsync($"api/2.0/sales/{tillReturn["saleId"]}");

        Simulator.GetInventory(Candle, Brussels)!.Amount.ShouldBe(4);
        read["data"]!["return_for"]!.GetValue<string>().ShouldBe(sale.SaleId);
        read["data"]!["line_items"]![0]!["is_return"]!.GetValue<bool>().ShouldBeTrue();
        read["data"]!["line_items"]![0]!["quantity"]!.GetValue<decimal>().ShouldBe(-1);
    }

    [Fact]
    public async Task A_till_sale_is_never_refused_and_inventory_may_go_negative()
    {
        Simulator.SetInventory(Soap, Ghent, 1);

        Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { ProductId = Soap, Quantity = 3 }] });
        var (_, records) = await GetAsync($"api/2.0/products/{Soap}/inventory");

        Simulator.GetInventory(Soap, Ghent)!.Amount.ShouldBe(-2);
        records["data"]!.AsArray().Single(record => record!["outlet_id"]!.GetValue<string>() == Ghent)!["inventory_level"]!.GetValue<decimal>().ShouldBe(-2);
    }

    [Fact]
    public async Task Drift_changes_the_amount_without_a_version_bump_or_a_webhook()
    {
        var before = Simulator.SetInventory(Honey, Ghent, 10);
        var receiver = await SubscribeAsync();
        var (_, feed) = await GetAsync("api/2.0/inventory?page_size=1000");

        var drifted = await ControlAsync(HttpMethod.Post, $"simulator/inventory/{Honey}/{Ghent}/drift", """{"amount":7}""");
        await Task.Delay(300);
        var (_, after) = await GetAsync($"api/2.0/inventory?after={feed["version"]!["max"]}");
        var read = await ControlAsync(HttpMethod.Get, $"simulator/inventory/{Honey}/{Ghent}");

        drifted["amount"]!.GetValue<decimal>().ShouldBe(7);
        read["amount"]!.GetValue<decimal>().ShouldBe(7);
        read["version"]!.GetValue<long>().ShouldBe(before.Version);
        after["data"]!.AsArray().ShouldBeEmpty();
        receiver.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stocktake_through_the_control_api_sets_the_amount_and_fires_inventory_update()
    {
        var receiver = await SubscribeAsync();

        var level = await ControlAsync(HttpMethod.Put, $"simulator/inventory/{Soap}/{Ghent}", """{"amount":"12.5"}""");
        var webhook = (await receiver.WaitForAsync(1)).Single();

        level["amount"]!.GetValue<decimal>().ShouldBe(12.5m);
        webhook.Payload["count"]!.GetValue<decimal>().ShouldBe(12.5m);
        webhook.Payload["version"]!.GetValue<long>().ShouldBe(level["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_control_api_refuses_unknown_skus_non_uuid_ids_and_duplicate_skus()
    {
        using var unknownSku = await Control.PostAsync($"simulator/outlets/{Brussels}/sales", Json(SaleOf("NOPE", 1)));
        using var notUuid = await Control.PutAsync("simulator/outlets/BXL", Json("""{"name":"Bruxelles"}"""));
        using var duplicateSku = await Control.PutAsync("simulator/products/5e6f7a8b-0000-4000-8000-0000000000bb", Json("""{"name":"Autre","sku":"MIEL-250"}"""));

        unknownSku.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notUuid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        duplicateSku.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_reset_forgets_everything()
    {
        Simulator.SetInventory(Soap, Ghent, 4);
        await ControlAsync(HttpMethod.Put, "simulator/ratelimit", """{"limit":5,"windowSeconds":60}""");

        await ControlAsync(HttpMethod.Post, "simulator/reset");

        var (_, outlets) = await GetAsync("api/2.0/outlets");
        outlets["data"]!.AsArray().ShouldBeEmpty();
        var stats = await ControlAsync(HttpMethod.Get, "simulator/stats");
        stats["totalRequests"]!.GetValue<long>().ShouldBe(1);
        Simulator.GetRateLimit().Limit.ShouldBe(350);
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Encoding.UTF8.GetString(obj).GetHashCode(StringComparison.Ordinal);
    }
}
