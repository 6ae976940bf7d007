using System.Net;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed class ReadTests : SimulatorTest
{
    [Fact]
    public async Task A_product_is_found_by_its_exact_sku_and_other_parameters_are_ignored()
    {
        Simulator.UpsertProduct("5e6f7a8b-0000-4000-8000-0000000000aa", new ProductUpsert { Name = "Miel XL", Sku = "MIEL-250-XL", Price = 20m });

        var (status, body) = await GetAsync("api/2.0/products?sku=MIEL-250&page_size=nonsense&after=99999");
        var (_, none) = await GetAsync("api/2.0/products?sku=miel-250");

        status.ShouldBe(HttpStatusCode.OK);
        var product = body["data"]!.AsArray().Single()!;
        product["id"]!.GetValue<string>().ShouldBe(Honey);
        product["sku"]!.GetValue<string>().ShouldBe("MIEL-250");
        product["name"]!.GetValue<string>().ShouldBe("Miel de fleurs 250 g");
        product["handle"]!.GetValue<string>().ShouldBe("mieldefleurs250g");
        product["variant_name"].ShouldBeNull();
        product["has_inventory"]!.GetValue<bool>().ShouldBeTrue();
        product["is_active"]!.GetValue<bool>().ShouldBeTrue();
        product["price_including_tax"]!.GetValue<decimal>().ShouldBe(8.5m);
        product["supply_price"]!.GetValue<decimal>().ShouldBe(4m);
        none["data"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_product_is_read_by_id_in_a_data_envelope_and_an_unknown_one_is_404()
    {
        var (status, body) = await GetAsync($"api/2.0/products/{Soap}");
        var (missing, error) = await GetAsync("api/2.0/products/00000000-0000-4000-8000-00000000dead");

        status.ShouldBe(HttpStatusCode.OK);
        body["data"]!["sku"]!.GetValue<string>().ShouldBe("SAVON-LAV");
        missing.ShouldBe(HttpStatusCode.NotFound);
        ShouldBeLightspeedError(error, "Not Found");
    }

    [Fact]
    public async Task The_products_feed_pages_by_version_until_an_empty_page()
    {
        var (_, first) = await GetAsync("api/2.0/products?page_size=2");
        var after = first["version"]!["max"]!.GetValue<long>();
        var (_, second) = await GetAsync($"api/2.0/products?after={after}&page_size=2");
        var last = second["version"]!["max"]!.GetValue<long>();
        var (_, empty) = await GetAsync($"api/2.0/products?after={last}");

        Strings(first["data"], "id").ShouldBe([Honey, Soap]);
        first["version"]!["min"]!.GetValue<long>().ShouldBe(Versions(first["data"])[0]);
        Strings(second["data"], "id").ShouldBe([Candle]);
        empty.ToJsonString().ShouldBe("""{"data":[],"version":{"min":null,"max":null}}""");
    }

    [Fact]
    public async Task A_changed_product_moves_to_the_end_of_the_feed_with_a_new_global_version()
    {
        var (_, before) = await GetAsync("api/2.0/products");
        var max = before["version"]!["max"]!.GetValue<long>();

        Simulator.UpsertProduct(Honey, new ProductUpsert { Name = "Miel de fleurs 250 g", Sku = "MIEL-250", Price = 9m });
        var (_, changes) = await GetAsync($"api/2.0/products?after={max}");

        var changed = changes["data"]!.AsArray().Single()!;
        changed["id"]!.GetValue<string>().ShouldBe(Honey);
        changed["version"]!.GetValue<long>().ShouldBeGreaterThan(max);
        changed["price_including_tax"]!.GetValue<decimal>().ShouldBe(9m);
    }

    [Fact]
    public async Task The_inventory_feed_has_one_record_per_product_and_outlet_and_shows_changes_after_a_version()
    {
        var (_, all) = await GetAsync("api/2.0/inventory?page_size=1000");
        var max = all["version"]!["max"]!.GetValue<long>();
        Simulator.SetInventory(Soap, Ghent, 12);
        var (_, changes) = await GetAsync($"api/2.0/inventory?after={max}");
        var (_, ofSoap) = await GetAsync($"api/2.0/products/{Soap}/inventory");

        all["data"]!.AsArray().Count.ShouldBe(6);
        Versions(all["data"]).ShouldBeInOrder();
        var record = changes["data"]!.AsArray().Single()!;
        record["product_id"]!.GetValue<string>().ShouldBe(Soap);
        record["outlet_id"]!.GetValue<string>().ShouldBe(Ghent);
        record["inventory_level"]!.GetValue<decimal>().ShouldBe(12);
        record["current_amount"]!.GetValue<decimal>().ShouldBe(12);
        record["reorder_point"]!.GetValue<decimal>().ShouldBe(0);
        record["version"]!.GetValue<long>().ShouldBe(Simulator.GetInventory(Soap, Ghent)!.Version);
        ofSoap["data"]!.AsArray().Select(item => item!["outlet_id"]!.GetValue<string>()).Order().ShouldBe([Brussels, Ghent]);
    }

    [Fact]
    public async Task The_sales_feed_lists_sales_in_version_order_and_a_sale_is_read_by_id()
    {
        var first = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { Sku = "MIEL-250", Quantity = 2 }] });
        var second = Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { ProductId = Soap, Quantity = 1 }, new TillLine { ProductId = Candle, Quantity = -1 }] });

        var (_, page) = await GetAsync("api/2.0/sales?page_size=1");
        var (_, rest) = await GetAsync($"api/2.0/sales?after={page["version"]!["max"]}");
        var (status, one) = await GetAsync($"api/2.0/sales/{second.SaleId}");

        Strings(page["data"], "id").ShouldBe([first.SaleId]);
        Strings(rest["data"], "id").ShouldBe([second.SaleId]);
        status.ShouldBe(HttpStatusCode.OK);
        var sale = one["data"]!;
        sale["outlet_id"]!.GetValue<string>().ShouldBe(Ghent);
        sale["register_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        sale["user_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        sale["customer_id"].ShouldBeNull();
        sale["return_for"].ShouldBeNull();
        sale["status"]!.GetValue<string>().ShouldBe("CLOSED");
        sale["state"]!.GetValue<string>().ShouldBe("closed");
        sale["invoice_number"]!.GetValue<string>().ShouldBe(second.InvoiceNumber);
        sale["version"]!.GetValue<long>().ShouldBe(second.Version);
        DateTimeOffset.Parse(sale["sale_date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var lines = sale["line_items"]!.AsArray();
        Strings(lines, "product_id").ShouldBe([Soap, Candle]);
        lines.Select(line => line!["quantity"]!.GetValue<decimal>()).ShouldBe([1m, -1m]);
        lines.Select(line => line!["is_return"]!.GetValue<bool>()).ShouldBe([false, true]);
        lines.ShouldAllBe(line => line!["status"]!.GetValue<string>() == "CONFIRMED");
        Strings(lines, "id").Distinct().Count().ShouldBe(2);
        var soapLine = lines[0]!;
        (soapLine["price"]!.GetValue<decimal>() + soapLine["tax"]!.GetValue<decimal>()).ShouldBe(6m);
        (sale["total_price"]!.GetValue<decimal>() + sale["total_tax"]!.GetValue<decimal>()).ShouldBe(6m - 12.10m);
    }

    [Theory]
    [InlineData("api/2.0/products?page_size=0")]
    [InlineData("api/2.0/sales?page_size=1001")]
    [InlineData("api/2.0/inventory?after=-1")]
    [InlineData("api/2.0/outlets?after=abc")]
    public async Task An_invalid_page_query_is_a_400(string path)
    {
        var (status, body) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeLightspeedError(body, "Bad Request");
    }
}
