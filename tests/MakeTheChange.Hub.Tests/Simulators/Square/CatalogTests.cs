using System.Net;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class CatalogTests : SimulatorTest
{
    private static string SkuSearch(string value, int? limit = null, string? cursor = null) =>
        $$"""
        {"object_types":["ITEM_VARIATION"],"query":{"exact_query":{"attribute_name":"sku","attribute_value":"{{value}}"} }
         {{(limit is null ? string.Empty : $",\"limit\":{limit}")}}{{(cursor is null ? string.Empty : $",\"cursor\":\"{cursor}\"")}}}
        """;

    [Fact]
    public async Task An_exact_query_on_sku_matches_partially_and_ignoring_case_like_Square()
    {
        var (status, body) = await PostAsync("v2/catalog/search", SkuSearch("miel"));

        status.ShouldBe(HttpStatusCode.OK);
        Strings(body["objects"], "id").ShouldBe([Honey, Honey250], ignoreOrder: true);
        var variation = body["objects"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == Honey250)!;
        variation["type"]!.GetValue<string>().ShouldBe("ITEM_VARIATION");
        variation["is_deleted"]!.GetValue<bool>().ShouldBeFalse();
        variation["present_at_all_locations"]!.GetValue<bool>().ShouldBeTrue();
        variation["version"]!.GetValue<long>().ShouldBeGreaterThan(0);
        variation["updated_at"]!.GetValue<string>().ShouldEndWith("Z");
        var data = variation["item_variation_data"]!;
        data["sku"]!.GetValue<string>().ShouldBe("MIEL-250");
        data["pricing_type"]!.GetValue<string>().ShouldBe("FIXED_PRICING");
        data["track_inventory"]!.GetValue<bool>().ShouldBeTrue();
        data["price_money"]!["amount"]!.GetValue<long>().ShouldBe(850);
        data["price_money"]!["currency"]!.GetValue<string>().ShouldBe("EUR");
    }

    [Fact]
    public async Task A_search_pages_with_the_cursor_until_none_is_returned()
    {
        var (_, first) = await PostAsync("v2/catalog/search", SkuSearch("L", limit: 2));
        var cursor = first["cursor"]!.GetValue<string>();
        var (_, second) = await PostAsync("v2/catalog/search", SkuSearch("L", limit: 2, cursor: cursor));

        Strings(first["objects"], "id").Length.ShouldBe(2);
        Strings(second["objects"], "id").Length.ShouldBe(1);
        second["cursor"].ShouldBeNull();
        Strings(first["objects"], "id").Concat(Strings(second["objects"], "id")).ShouldBe([Honey, Honey250, Soap], ignoreOrder: true);
    }

    [Fact]
    public async Task A_search_without_a_match_answers_an_empty_object_as_Square_does()
    {
        var (status, body) = await PostAsync("v2/catalog/search", SkuSearch("CHOCOLAT"));

        status.ShouldBe(HttpStatusCode.OK);
        body["objects"].ShouldBeNull();
    }

    [Fact]
    public async Task A_batch_retrieve_leaves_unknown_ids_out()
    {
        var (status, body) = await PostAsync("v2/catalog/batch-retrieve", $$"""{"object_ids":["{{Soap}}","NO-SUCH-ID"]}""");

        status.ShouldBe(HttpStatusCode.OK);
        Strings(body["objects"], "id").ShouldBe([Soap]);
    }

    [Fact]
    public async Task A_variation_defined_through_the_control_api_is_searchable()
    {
        await ControlAsync(HttpMethod.Put, "simulator/catalog/variations/VAR-CIRE", """{"name":"Bougie cire","sku":"CIRE-01","priceCents":1200,"trackInventory":false}""");

        var (_, body) = await PostAsync("v2/catalog/search", SkuSearch("cire-01"));

        var data = body["objects"]![0]!["item_variation_data"]!;
        data["name"]!.GetValue<string>().ShouldBe("Bougie cire");
        data["track_inventory"]!.GetValue<bool>().ShouldBeFalse();
    }
}
