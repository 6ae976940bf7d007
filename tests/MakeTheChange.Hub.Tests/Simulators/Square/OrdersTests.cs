using System.Net;
using MakeTheChange.Connectors.Square.Simulator.Tills;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class OrdersTests : SimulatorTest
{
    private static string SearchByUpdatedAt(string startAt, string order = "ASC", int limit = 500, string? cursor = null, string location = Brussels) =>
        $$"""
        {"location_ids":["{{location}}"],"limit":{{limit}}{{(cursor is null ? string.Empty : $",\"cursor\":\"{cursor}\"")}},
         "query":{"filter":{"date_time_filter":{"updated_at":{"start_at":"{{startAt}}"} },"state_filter":{"states":["COMPLETED"]} },
                  "sort":{"sort_field":"UPDATED_AT","sort_order":"{{order}}"} } }
        """;

    [Fact]
    public async Task A_till_sale_order_reads_like_a_Square_order()
    {
        var sale = Simulator.RecordSale(Brussels, new TillSale
        {
            Lines = [new TillLine { Sku = "MIEL-250", Quantity = 2 }, new TillLine { VariationId = Soap, Quantity = 1 }],
        });

        var (status, body) = await GetAsync($"v2/orders/{sale.OrderId}");

        status.ShouldBe(HttpStatusCode.OK);
        var order = body["order"]!;
        order["id"]!.GetValue<string>().ShouldBe(sale.OrderId);
        order["location_id"]!.GetValue<string>().ShouldBe(Brussels);
        order["state"]!.GetValue<string>().ShouldBe("COMPLETED");
        order["version"]!.GetValue<int>().ShouldBe(1);
        order["closed_at"]!.GetValue<string>().ShouldEndWith("Z");
        order["total_money"]!["amount"]!.GetValue<long>().ShouldBe(2300);
        order["returns"].ShouldBeNull();
        var lines = order["line_items"]!.AsArray();
        lines.Count.ShouldBe(2);
        lines[0]!["quantity"]!.GetValue<string>().ShouldBe("2");
        lines[0]!["catalog_object_id"]!.GetValue<string>().ShouldBe(Honey250);
        lines[0]!["item_type"]!.GetValue<string>().ShouldBe("ITEM");
        lines[0]!["base_price_money"]!["amount"]!.GetValue<long>().ShouldBe(850);
        lines[0]!["total_money"]!["amount"]!.GetValue<long>().ShouldBe(1700);
        Strings(lines, "uid").Distinct().Count().ShouldBe(2);
        order["tenders"]![0]!["payment_id"]!.GetValue<string>().ShouldBe(sale.PaymentId);
    }

    [Fact]
    public async Task Unknown_orders_payments_and_refunds_are_404_not_found()
    {
        var (orderStatus, order) = await GetAsync("v2/orders/NO-SUCH-ORDER");
        var (paymentStatus, _) = await GetAsync("v2/payments/NO-SUCH-PAYMENT");
        var (refundStatus, _) = await GetAsync("v2/refunds/NO-SUCH-REFUND");

        orderStatus.ShouldBe(HttpStatusCode.NotFound);
        ShouldBeSquareError(order, "INVALID_REQUEST_ERROR", "NOT_FOUND");
        paymentStatus.ShouldBe(HttpStatusCode.NotFound);
        refundStatus.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_batch_retrieve_returns_the_known_orders_only()
    {
        var first = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] });
        var second = Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { VariationId = Honey, Quantity = 1 }] });

        var (status, body) = await PostAsync("v2/orders/batch-retrieve", $$"""{"order_ids":["{{first.OrderId}}","NOPE","{{second.OrderId}}"]}""");

        status.ShouldBe(HttpStatusCode.OK);
        Strings(body["orders"], "id").ShouldBe([first.OrderId, second.OrderId], ignoreOrder: true);
    }

    [Fact]
    public async Task A_search_by_updated_at_pages_with_a_cursor_in_either_order()
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = Enumerable.Range(0, 3)
            .Select(_ => Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] }).OrderId)
            .ToList();
        Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] });

        var (status, first) = await PostAsync("v2/orders/search", SearchByUpdatedAt(Time(start), limit: 2));
        var (_, second) = await PostAsync("v2/orders/search", SearchByUpdatedAt(Time(start), limit: 2, cursor: first["cursor"]!.GetValue<string>()));
        var (_, descending) = await PostAsync("v2/orders/search", SearchByUpdatedAt(Time(start), order: "DESC"));

        status.ShouldBe(HttpStatusCode.OK);
        Strings(first["orders"], "id").Concat(Strings(second["orders"], "id")).ShouldBe(ids);
        second["cursor"].ShouldBeNull();
        Strings(descending["orders"], "id").ShouldBe(Enumerable.Reverse(ids));
    }

    [Fact]
    public async Task A_search_start_at_excludes_orders_updated_earlier()
    {
        var earlier = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] });
        var (_, found) = await GetAsync($"v2/orders/{earlier.OrderId}");
        var later = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { VariationId = Soap, Quantity = 1 }] });
        var startAt = DateTimeOffset.Parse(found["order"]!["updated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddTicks(10);

        var (_, body) = await PostAsync("v2/orders/search", SearchByUpdatedAt(startAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture)));

        Strings(body["orders"], "id").ShouldBe([later.OrderId]);
    }

    [Fact]
    public async Task A_search_whose_sort_field_differs_from_its_date_filter_is_refused_like_Square()
    {
        var request = SearchByUpdatedAt(Time(DateTimeOffset.UtcNow.AddHours(-1))).Replace("\"sort_field\":\"UPDATED_AT\"", "\"sort_field\":\"CREATED_AT\"", StringComparison.Ordinal);

        var (status, body) = await PostAsync("v2/orders/search", request);

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(body, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "query.sort.sort_field");
    }

    [Fact]
    public async Task A_search_can_return_entries_instead_of_orders()
    {
        var sale = Simulator.RecordSale(Ghent, new TillSale { Lines = [new TillLine { VariationId = Honey, Quantity = 1 }] });

        var (_, body) = await PostAsync("v2/orders/search", $$"""{"location_ids":["{{Ghent}}"],"return_entries":true}""");

        body["orders"].ShouldBeNull();
        body["order_entries"]![0]!["order_id"]!.GetValue<string>().ShouldBe(sale.OrderId);
    }

    [Fact]
    public async Task Payments_and_refunds_of_the_tills_can_be_read()
    {
        var sale = Simulator.RecordSale(Brussels, new TillSale { Lines = [new TillLine { VariationId = Honey, Quantity = 1 }] });
        var unlinkedReturn = Simulator.RecordReturn(Brussels, new TillReturn { Lines = [new TillLine { VariationId = Honey, Quantity = 1 }] });

        var (_, payment) = await GetAsync($"v2/payments/{sale.PaymentId}");
        var (_, refund) = await GetAsync($"v2/refunds/{unlinkedReturn.RefundId}");

        payment["payment"]!["order_id"]!.GetValue<string>().ShouldBe(sale.OrderId);
        payment["payment"]!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        payment["payment"]!["source_type"]!.GetValue<string>().ShouldBe("CARD");
        payment["payment"]!["amount_money"]!["amount"]!.GetValue<long>().ShouldBe(1400);
        refund["refund"]!["order_id"]!.GetValue<string>().ShouldBe(unlinkedReturn.OrderId);
        refund["refund"]!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        refund["refund"]!["payment_id"].ShouldBeNull();
    }
}
