using System.Net;
using System.Text;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class InventoryChangeTests : SimulatorTest
{
    private const string BatchCreate = "v2/inventory/changes/batch-create";

    [Fact]
    public async Task An_adjustment_changes_the_count_and_is_recorded_as_made_through_the_api()
    {
        Simulator.SetInventoryCount(Honey250, Brussels, 10);

        var (status, body) = await PostAsync(BatchCreate, Receive("hub-mv-1", Honey250, Brussels, 5, referenceId: "hub-movement-1"));

        status.ShouldBe(HttpStatusCode.OK);
        var count = body["counts"]![0]!;
        count["catalog_object_id"]!.GetValue<string>().ShouldBe(Honey250);
        count["catalog_object_type"]!.GetValue<string>().ShouldBe("ITEM_VARIATION");
        count["state"]!.GetValue<string>().ShouldBe("IN_STOCK");
        count["location_id"]!.GetValue<string>().ShouldBe(Brussels);
        count["quantity"]!.GetValue<string>().ShouldBe("15");
        var adjustment = body["changes"]![0]!["adjustment"]!;
        adjustment["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        adjustment["created_at"]!.GetValue<string>().ShouldEndWith("Z");
        adjustment["reference_id"]!.GetValue<string>().ShouldBe("hub-movement-1");
        adjustment["source"]!["product"]!.GetValue<string>().ShouldBe("EXTERNAL_API");
        adjustment["source"]!["application_id"]!.GetValue<string>().ShouldBe("sim-app-hub");
        Simulator.GetInventoryCount(Honey250, Brussels)!.Quantity.ShouldBe(15);
    }

    [Fact]
    public async Task The_same_key_and_body_replays_the_original_response_and_changes_nothing()
    {
        var request = Receive("hub-mv-2", Honey250, Brussels, 4);

        using var first = await Api.PostAsync(BatchCreate, Json(request));
        using var second = await Api.PostAsync(BatchCreate, Json(request));

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        Simulator.GetInventoryCount(Honey250, Brussels)!.Quantity.ShouldBe(4);
        var (_, changes) = await PostAsync("v2/inventory/changes/batch-retrieve", "{}");
        changes["changes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_as_reused()
    {
        await PostAsync(BatchCreate, Receive("hub-mv-3", Honey250, Brussels, 4));

        var (status, body) = await PostAsync(BatchCreate, Receive("hub-mv-3", Honey250, Brussels, 7));

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(body, "INVALID_REQUEST_ERROR", "IDEMPOTENCY_KEY_REUSED");
        Simulator.GetInventoryCount(Honey250, Brussels)!.Quantity.ShouldBe(4);
    }

    [Fact]
    public async Task More_than_100_changes_in_one_request_are_refused()
    {
        var change = $$"""{"type":"ADJUSTMENT","adjustment":{"catalog_object_id":"{{Soap}}","location_id":"{{Brussels}}","from_state":"NONE","to_state":"IN_STOCK","quantity":"1","occurred_at":"{{Time(DateTimeOffset.UtcNow.AddMinutes(-1))}}"} }""";
        var changes = string.Join(',', Enumerable.Repeat(change, 101));

        var (status, body) = await PostAsync(BatchCreate, $$"""{"idempotency_key":"hub-bulk","changes":[{{changes}}]}""");

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(body, "INVALID_REQUEST_ERROR", "ARRAY_LENGTH_TOO_LONG", "changes");
        Simulator.GetInventoryCount(Soap, Brussels).ShouldBeNull();
    }

    [Fact]
    public async Task Exactly_100_changes_are_accepted()
    {
        var change = $$"""{"type":"ADJUSTMENT","adjustment":{"catalog_object_id":"{{Soap}}","location_id":"{{Brussels}}","from_state":"NONE","to_state":"IN_STOCK","quantity":"1","occurred_at":"{{Time(DateTimeOffset.UtcNow.AddMinutes(-1))}}"} }""";

        var (status, _) = await PostAsync(BatchCreate, $$"""{"idempotency_key":"hub-bulk-100","changes":[{{string.Join(',', Enumerable.Repeat(change, 100))}}]}""");

        status.ShouldBe(HttpStatusCode.OK);
        Simulator.GetInventoryCount(Soap, Brussels)!.Quantity.ShouldBe(100);
    }

    [Fact]
    public async Task An_occurred_at_older_than_24_hours_or_in_the_future_is_refused()
    {
        var (oldStatus, old) = await PostAsync(BatchCreate, Receive("hub-old", Honey, Brussels, 1, DateTimeOffset.UtcNow.AddHours(-25)));
        var (futureStatus, future) = await PostAsync(BatchCreate, Receive("hub-future", Honey, Brussels, 1, DateTimeOffset.UtcNow.AddHours(1)));
        var (recentStatus, _) = await PostAsync(BatchCreate, Receive("hub-recent", Honey, Brussels, 1, DateTimeOffset.UtcNow.AddHours(-23)));

        oldStatus.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(old, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "changes[0].adjustment.occurred_at");
        futureStatus.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(future, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "changes[0].adjustment.occurred_at");
        recentStatus.ShouldBe(HttpStatusCode.OK);
        Simulator.GetInventoryCount(Honey, Brussels)!.Quantity.ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_variations_and_locations_and_read_only_states_are_refused_field_by_field()
    {
        var (unknownStatus, unknown) = await PostAsync(BatchCreate, Receive("hub-unknown", "NO-SUCH-VARIATION", "NO-SUCH-LOCATION", 1));
        var readOnly = Receive("hub-read-only", Honey, Brussels, 1).Replace("\"NONE\"", "\"RECEIVED_FROM_VENDOR\"", StringComparison.Ordinal);
        var (readOnlyStatus, readOnlyBody) = await PostAsync(BatchCreate, readOnly);

        unknownStatus.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(unknown, "INVALID_REQUEST_ERROR", "NOT_FOUND", "changes[0].adjustment.catalog_object_id");
        unknown["errors"]!.AsArray().ShouldContain(error => error!["field"]!.GetValue<string>() == "changes[0].adjustment.location_id");
        readOnlyStatus.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(readOnlyBody, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "changes[0].adjustment.from_state");
        Simulator.GetInventoryCount(Honey, Brussels).ShouldBeNull();
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_refused()
    {
        var (status, body) = await PostAsync(BatchCreate, Receive("x", Honey, Brussels, 1).Replace("\"idempotency_key\":\"x\",", string.Empty, StringComparison.Ordinal));

        status.ShouldBe(HttpStatusCode.BadRequest);
        ShouldBeSquareError(body, "INVALID_REQUEST_ERROR", "MISSING_REQUIRED_PARAMETER", "idempotency_key");
    }

    [Fact]
    public async Task Counts_follow_occurred_at_a_physical_count_keeps_later_adjustments_and_outranks_older_ones()
    {
        var now = DateTimeOffset.UtcNow;
        await PostAsync(BatchCreate, Receive("later-receipt", Honey, Brussels, 5, now.AddMinutes(-30)));
        var physicalCount = $$"""
            {"idempotency_key":"recount","changes":[{"type":"PHYSICAL_COUNT","physical_count":{
              "catalog_object_id":"{{Honey}}","location_id":"{{Brussels}}","state":"IN_STOCK","quantity":"20","occurred_at":"{{Time(now.AddHours(-1))}}"} }]}
            """;

        var (_, counted) = await PostAsync(BatchCreate, physicalCount);
        var (_, late) = await PostAsync(BatchCreate, Receive("older-receipt", Honey, Brussels, 3, now.AddHours(-2)));

        counted["counts"]![0]!["quantity"]!.GetValue<string>().ShouldBe("25");
        late["counts"]![0]!["quantity"]!.GetValue<string>().ShouldBe("25");
        late["changes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_physical_count_equal_to_the_current_count_is_not_recorded_by_default()
    {
        Simulator.SetInventoryCount(Soap, Ghent, 7);
        var physicalCount = $$"""
            {"idempotency_key":"same-count","changes":[{"type":"PHYSICAL_COUNT","physical_count":{
              "catalog_object_id":"{{Soap}}","location_id":"{{Ghent}}","state":"IN_STOCK","quantity":"7","occurred_at":"{{Time(DateTimeOffset.UtcNow.AddSeconds(-1))}}"} }]}
            """;

        var (status, body) = await PostAsync(BatchCreate, physicalCount);

        status.ShouldBe(HttpStatusCode.OK);
        body["counts"]![0]!["quantity"]!.GetValue<string>().ShouldBe("7");
        body["changes"].ShouldBeNull();
    }

    [Fact]
    public async Task Sales_and_waste_remove_stock_and_counts_may_go_negative()
    {
        var occurredAt = Time(DateTimeOffset.UtcNow.AddSeconds(-1));
        var request = new StringBuilder($$"""{"idempotency_key":"external-sale","changes":[""");
        request.Append($$"""{"type":"ADJUSTMENT","adjustment":{"catalog_object_id":"{{Soap}}","location_id":"{{Ghent}}","from_state":"IN_STOCK","to_state":"SOLD","quantity":"2.5","occurred_at":"{{occurredAt}}"} },""");
        request.Append($$"""{"type":"ADJUSTMENT","adjustment":{"catalog_object_id":"{{Soap}}","location_id":"{{Ghent}}","from_state":"IN_STOCK","to_state":"WASTE","quantity":"1","occurred_at":"{{occurredAt}}"} }]}""");

        var (status, body) = await PostAsync(BatchCreate, request.ToString());

        status.ShouldBe(HttpStatusCode.OK);
        body["counts"]![0]!["quantity"]!.GetValue<string>().ShouldBe("-3.5");
        body["changes"]!.AsArray().Count.ShouldBe(2);
    }
}
