using System.Net;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed class StockWriteTests : SimulatorTest
{
    private const string Adjustments = "api/2026-07/stock_adjustments";

    [Fact]
    public async Task An_absolute_set_without_a_version_overwrites_the_amount_and_answers_the_product_with_its_inventory()
    {
        var receiver = await SubscribeAsync();
        var before = Simulator.GetInventory(Honey, Brussels)!;

        var (status, body) = await SendAsync(HttpMethod.Put, $"api/2.1/products/{Honey}", $$$"""{"details":{"inventory":[{"outlet_id":"{{{Brussels}}}","current_amount":21}]}}""");
        var webhook = (await receiver.WaitForAsync(1)).Single();

        status.ShouldBe(HttpStatusCode.OK);
        var after = Simulator.GetInventory(Honey, Brussels)!;
        after.Amount.ShouldBe(21);
        after.Version.ShouldBeGreaterThan(before.Version);
        body["data"]!["id"]!.GetValue<string>().ShouldBe(Honey);
        body["data"]!["sku"]!.GetValue<string>().ShouldBe("MIEL-250");
        var record = body["data"]!["inventory"]!.AsArray().Single(item => item!["outlet_id"]!.GetValue<string>() == Brussels)!;
        record["current_amount"]!.GetValue<decimal>().ShouldBe(21);
        record["version"]!.GetValue<long>().ShouldBe(after.Version);
        webhook.Type.ShouldBe("inventory.update");
        webhook.Payload["count"]!.GetValue<decimal>().ShouldBe(21);
    }

    [Fact]
    public async Task An_absolute_set_with_the_current_version_succeeds()
    {
        var current = Simulator.SetInventory(Soap, Ghent, 8);

        var (status, _) = await SendAsync(HttpMethod.Put, $"api/2.1/products/{Soap}", $$$"""{"version":{{{current.Version}}},"details":{"inventory":[{"outlet_id":"{{{Ghent}}}","current_amount":5}]}}""");

        status.ShouldBe(HttpStatusCode.OK);
        Simulator.GetInventory(Soap, Ghent)!.Amount.ShouldBe(5);
    }

    [Fact]
    public async Task An_absolute_set_with_a_stale_version_is_a_409_and_keeps_the_till_sale_made_in_between()
    {
        var read = Simulator.SetInventory(Soap, Ghent, 8);
        Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { ProductId = Soap, Quantity = 1 }] });
        var receiver = await SubscribeAsync();

        var (status, body) = await SendAsync(HttpMethod.Put, $"api/2.1/products/{Soap}", $$$"""{"version":{{{read.Version}}},"details":{"inventory":[{"outlet_id":"{{{Ghent}}}","current_amount":10}]}}""");
        await Task.Delay(200);

        status.ShouldBe(HttpStatusCode.Conflict);
        body["error"]!.GetValue<string>().ShouldBe("Conflict");
        body["message"]!.GetValue<string>().ShouldBe($"The inventory changed since version {read.Version}");
        Simulator.GetInventory(Soap, Ghent)!.Amount.ShouldBe(7);
        receiver.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_absolute_set_naming_an_unknown_outlet_changes_nothing()
    {
        var (status, body) = await SendAsync(
            HttpMethod.Put,
            $"api/2.1/products/{Honey}",
            $$$"""{"details":{"inventory":[{"outlet_id":"{{{Brussels}}}","current_amount":3},{"outlet_id":"0a1b2c3d-0000-4000-8000-0000000000ff","current_amount":4}]}}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeLightspeedError(body, "Bad Request");
        Simulator.GetInventory(Honey, Brussels)!.Amount.ShouldBe(0);
    }

    [Fact]
    public async Task Stock_adjustments_apply_deltas_answer_201_and_fire_inventory_update_per_adjustment()
    {
        Simulator.SetInventory(Honey, Brussels, 10);
        var receiver = await SubscribeAsync();

        var (status, body) = await SendAsync(HttpMethod.Post, Adjustments, $$"""
            {"stock_adjustments":[
              {"product_id":"{{Honey}}","outlet_id":"{{Brussels}}","quantity":"-3","reason":"DAMAGE"},
              {"product_id":"{{Soap}}","outlet_id":"{{Ghent}}","quantity":"5","reason":"STOCK_FOUND"}]}
            """);
        var webhooks = await receiver.WaitForAsync(2);

        status.ShouldBe(HttpStatusCode.Created);
        var created = body["data"]!.AsArray();
        Strings(created, "product_id").ShouldBe([Honey, Soap]);
        Strings(created, "quantity").ShouldBe(["-3", "5"]);
        Strings(created, "reason").ShouldBe(["DAMAGE", "STOCK_FOUND"]);
        Strings(created, "id").Distinct().Count().ShouldBe(2);
        Versions(created).ShouldBeInOrder();
        Simulator.GetInventory(Honey, Brussels)!.Amount.ShouldBe(7);
        Simulator.GetInventory(Soap, Ghent)!.Amount.ShouldBe(5);
        webhooks.Select(webhook => webhook.Payload["count"]!.GetValue<decimal>()).ShouldBe([7m, 5m]);
    }

    [Fact]
    public async Task A_batch_with_one_invalid_adjustment_applies_none_of_them()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Adjustments, $$"""
            {"stock_adjustments":[
              {"product_id":"{{Honey}}","outlet_id":"{{Brussels}}","quantity":"4","reason":"STOCK_FOUND"},
              {"product_id":"{{Soap}}","outlet_id":"{{Brussels}}","quantity":"2","reason":"THEFT"}]}
            """);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body["message"]!.GetValue<string>().ShouldContain("stock_adjustments[1].quantity must be negative");
        Simulator.GetInventory(Honey, Brussels)!.Amount.ShouldBe(0);
        var (_, list) = await GetAsync(Adjustments);
        list["data"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"-1\"", "STOCK_FOUND")]
    [InlineData("\"2\"", "EXPIRY")]
    [InlineData("\"0\"", "DAMAGE")]
    [InlineData("\"abc\"", "DAMAGE")]
    [InlineData("-1", "DAMAGE")]
    [InlineData("\"-1\"", "LOST_IN_SPACE")]
    [InlineData("\"-1\"", "CUSTOM")]
    public async Task A_quantity_whose_sign_or_form_does_not_fit_the_reason_is_a_400(string quantity, string reason)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Adjustments, $$"""
            {"stock_adjustments":[{"product_id":"{{Candle}}","outlet_id":"{{Ghent}}","quantity":{{quantity}},"reason":"{{reason}}"}]}
            """);

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeLightspeedError(body, "Bad Request");
        Simulator.GetInventory(Candle, Ghent)!.Amount.ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_batch_is_a_400()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, Adjustments, """{"stock_adjustments":[]}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Stock_adjustments_are_not_idempotent_and_can_be_read_back_after_a_version()
    {
        var request = $$"""{"stock_adjustments":[{"product_id":"{{Candle}}","outlet_id":"{{Ghent}}","quantity":"-1","reason":"INTERNAL_USE"}]}""";

        var (_, first) = await SendAsync(HttpMethod.Post, Adjustments, request);
        var (_, second) = await SendAsync(HttpMethod.Post, Adjustments, request);
        var (_, since) = await GetAsync($"{Adjustments}?after={Versions(first["data"])[0]}");

        Simulator.GetInventory(Candle, Ghent)!.Amount.ShouldBe(-2);
        Strings(since["data"], "id").ShouldBe(Strings(second["data"], "id"));
    }
}
