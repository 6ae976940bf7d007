using System.Net;
using MakeTheChange.Connectors.Square.Simulator.Tills;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class InventoryRetrieveTests : SimulatorTest
{
    private const string CountsRetrieve = "v2/inventory/counts/batch-retrieve";
    private const string ChangesRetrieve = "v2/inventory/changes/batch-retrieve";

    [Fact]
    public async Task Counts_come_newest_first_and_updated_after_keeps_only_later_ones()
    {
        var first = Simulator.SetInventoryCount(Honey250, Brussels, 10);
        Simulator.SetInventoryCount(Honey, Brussels, 20);
        Simulator.SetInventoryCount(Soap, Ghent, 30);

        var (status, all) = await PostAsync(CountsRetrieve, "{}");
        var (_, later) = await PostAsync(CountsRetrieve, $$"""{"updated_after":"{{first.CalculatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}}"}""");

        status.ShouldBe(HttpStatusCode.OK);
        Strings(all["counts"], "catalog_object_id").ShouldBe([Soap, Honey, Honey250]);
        Strings(later["counts"], "catalog_object_id").ShouldBe([Soap, Honey]);
        all["counts"]![2]!["calculated_at"]!.GetValue<string>().ShouldEndWith("Z");
    }

    [Fact]
    public async Task Counts_filter_by_variation_and_location_and_page_with_a_cursor()
    {
        Simulator.SetInventoryCount(Honey250, Brussels, 1);
        Simulator.SetInventoryCount(Honey250, Ghent, 2);
        Simulator.SetInventoryCount(Honey, Brussels, 3);
        Simulator.SetInventoryCount(Soap, Brussels, 4);

        var (_, first) = await PostAsync(CountsRetrieve, $$"""{"location_ids":["{{Brussels}}"],"limit":2}""");
        var (_, second) = await PostAsync(CountsRetrieve, $$"""{"location_ids":["{{Brussels}}"],"limit":2,"cursor":"{{first["cursor"]}}"}""");
        var (_, one) = await PostAsync(CountsRetrieve, $$"""{"catalog_object_ids":["{{Honey250}}"],"location_ids":["{{Ghent}}"]}""");

        Strings(first["counts"], "catalog_object_id").ShouldBe([Soap, Honey]);
        Strings(second["counts"], "catalog_object_id").ShouldBe([Honey250]);
        second["cursor"].ShouldBeNull();
        one["counts"]!.AsArray().Single()!["quantity"]!.GetValue<string>().ShouldBe("2");
    }

    [Fact]
    public async Task A_limit_above_1000_is_refused()
    {
        var (status, body) = await PostAsync(CountsRetrieve, """{"limit":1001}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(body, "INVALID_REQUEST_ERROR", "VALUE_TOO_HIGH", "limit");
    }

    [Fact]
    public async Task Changes_come_oldest_first_with_a_source_that_tells_who_made_them()
    {
        Simulator.SetInventoryCount(Honey250, Brussels, 10);
        await PostAsync("v2/inventory/changes/batch-create", Receive("hub-receipt", Honey250, Brussels, 5, referenceId: "hub-movement-9"));
        var sale = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { Sku = "MIEL-250", Quantity = 2 }] });
        Simulator.RecordReturn(Brussels, new TillReturn { SourceOrderId = sale.OrderId, Lines = [new TillLine { VariationId = Honey250, Quantity = 1 }] });

        var (status, body) = await PostAsync(ChangesRetrieve, $$"""{"catalog_object_ids":["{{Honey250}}"]}""");

        status.ShouldBe(HttpStatusCode.OK);
        var changes = body["changes"]!.AsArray();
        changes.Select(change => change!["type"]!.GetValue<string>()).ShouldBe(["PHYSICAL_COUNT", "ADJUSTMENT", "ADJUSTMENT", "ADJUSTMENT"]);
        changes[0]!["physical_count"]!["source"]!["product"]!.GetValue<string>().ShouldBe("DASHBOARD");
        var apiChange = changes[1]!["adjustment"]!;
        apiChange["source"]!["product"]!.GetValue<string>().ShouldBe("EXTERNAL_API");
        apiChange["source"]!["application_id"]!.GetValue<string>().ShouldBe("sim-app-hub");
        apiChange["reference_id"]!.GetValue<string>().ShouldBe("hub-movement-9");
        var tillSale = changes[2]!["adjustment"]!;
        tillSale["source"]!["product"]!.GetValue<string>().ShouldBe("SQUARE_POS");
        tillSale["from_state"]!.GetValue<string>().ShouldBe("IN_STOCK");
        tillSale["to_state"]!.GetValue<string>().ShouldBe("SOLD");
        tillSale["quantity"]!.GetValue<string>().ShouldBe("2");
        tillSale["reference_id"].ShouldBeNull();
        var tillReturn = changes[3]!["adjustment"]!;
        tillReturn["source"]!["product"]!.GetValue<string>().ShouldBe("SQUARE_POS");
        tillReturn["from_state"]!.GetValue<string>().ShouldBe("UNLINKED_RETURN");
        tillReturn["to_state"]!.GetValue<string>().ShouldBe("IN_STOCK");
        Simulator.GetInventoryCount(Honey250, Brussels)!.Quantity.ShouldBe(14);
    }

    [Fact]
    public async Task Changes_page_with_a_cursor_and_filter_by_type_state_and_time()
    {
        for (var sale = 0; sale < 5; sale++)
        {
            Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] });
        }

        Simulator.SetInventoryCount(Soap, Ghent, 50);
        var (_, first) = await PostAsync(ChangesRetrieve, """{"types":["ADJUSTMENT"],"states":["SOLD"],"limit":3}""");
        var (_, second) = await PostAsync(ChangesRetrieve, $$"""{"types":["ADJUSTMENT"],"states":["SOLD"],"limit":3,"cursor":"{{first["cursor"]}}"}""");
        var third = first["changes"]![2]!["adjustment"]!["created_at"]!.GetValue<string>();
        var (_, after) = await PostAsync(ChangesRetrieve, $$"""{"updated_after":"{{third}}"}""");

        first["changes"]!.AsArray().Count.ShouldBe(3);
        second["changes"]!.AsArray().Count.ShouldBe(2);
        second["cursor"].ShouldBeNull();
        Strings(after["changes"], "type").ShouldBe(["ADJUSTMENT", "ADJUSTMENT", "PHYSICAL_COUNT"]);
    }

    [Fact]
    public async Task A_cursor_from_another_endpoint_is_refused()
    {
        Simulator.SetInventoryCount(Honey, Brussels, 1);
        Simulator.SetInventoryCount(Soap, Brussels, 1);
        var (_, counts) = await PostAsync(CountsRetrieve, """{"limit":1}""");

        var (status, body) = await PostAsync(ChangesRetrieve, $$"""{"cursor":"{{counts["cursor"]}}"}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(body, "INVALID_REQUEST_ERROR", "INVALID_CURSOR", "cursor");
    }
}
