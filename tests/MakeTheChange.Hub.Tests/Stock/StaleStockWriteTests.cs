using System.Text.Json;
using MakeTheChange.Hub.Stock;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Stock;

/// <summary>
/// A stock write found stale (another node moved the level on) is the only one of its transaction that
/// goes back to its grain: the others sharing the transaction are stored again as they are.
/// </summary>
public sealed class StaleStockWriteTests
{
    private const string Store = "stale-store";

    [Fact]
    public async Task Only_the_stale_grain_reloads_the_others_of_its_transaction_are_stored_as_they_were()
    {
        // A long linger puts the eleven movements below in one transaction.
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Hub:Grains:WriteLinger"] = "00:00:00.300" });
        var skus = Enumerable.Range(1, 11).Select(i => $"STALE-{i}").ToArray();
        await hub.Client.CatalogAsync(Store, skus);
        foreach (var sku in skus)
        {
            await hub.Client.ReceiveAsync(sku, Store, 10);
        }

        // Another writer moves one level on without telling this node.
        await Sql.ExecuteAsync(hub.ConnectionString, "UPDATE stock_levels SET version = version + 1 WHERE sku = 'STALE-1'");
        var readBefore = await ActivationsReadAsync(hub);

        var sales = await Task.WhenAll(skus.Select(sku => hub.Client.PostMovementAsync(sku, Store, new { movementId = $"sale-{sku}", kind = "sale", quantity = 1 })));

        sales.ShouldAllBe(response => response.IsSuccessStatusCode);
        (await Sql.ListAsync<int>(hub.ConnectionString, "SELECT on_hand FROM stock_levels WHERE location_id = $1", Store)).ShouldAllBe(onHand => onHand == 9);
        (await ActivationsReadAsync(hub) - readBefore).ShouldBe(1, "only the stale grain had to read its state again");
    }

    [Fact]
    public async Task A_movement_another_node_recorded_under_the_next_sequence_number_sends_that_grain_back_to_reload()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Hub:Grains:WriteLinger"] = "00:00:00.300" });
        var skus = new[] { "RACE-1", "RACE-2", "RACE-3" };
        await hub.Client.CatalogAsync(Store, skus);
        foreach (var sku in skus)
        {
            await hub.Client.ReceiveAsync(sku, Store, 10);
        }

        // Another node sold one RACE-1 that this node has not heard of: its ledger row holds the sequence
        // number this node's activation would give its next movement, so that insert fails on the key.
        await Sql.ExecuteAsync(
            hub.ConnectionString,
            $$"""
            INSERT INTO stock_movements ({{StockLedgerColumns.Insert}})
            SELECT location_id, sku, last_seq + 1, 'elsewhere-1', 'sale', 1, -1, 0, on_hand - 1, held, safety_stock,
                   '[{"lot": null, "quantity": -1, "bestBefore": null}]', '[{"lot": null, "quantity": 9, "bestBefore": null}]',
                   'api', NULL, NULL, now(), now(), '\x00'
            FROM stock_levels WHERE sku = 'RACE-1';
            UPDATE stock_levels SET on_hand = on_hand - 1, unlotted = unlotted - 1, last_seq = last_seq + 1, version = version + 1 WHERE sku = 'RACE-1';
            """);
        var readBefore = await ActivationsReadAsync(hub);

        var sales = await Task.WhenAll(skus.Select(sku => hub.Client.PostMovementAsync(sku, Store, new { movementId = $"sale-{sku}", kind = "sale", quantity = 1 })));

        sales.ShouldAllBe(response => response.IsSuccessStatusCode);
        (await Sql.ScalarAsync<int>(hub.ConnectionString, "SELECT on_hand FROM stock_levels WHERE sku = 'RACE-1'")).ShouldBe(8);
        (await Sql.ListAsync<int>(hub.ConnectionString, "SELECT on_hand FROM stock_levels WHERE sku <> 'RACE-1' AND location_id = $1", Store)).ShouldAllBe(onHand => onHand == 9);
        (await ActivationsReadAsync(hub) - readBefore).ShouldBe(1, "only the grain the other node wrote had to read its state again");
        (await Ledger.ViolationsAsync(hub.ConnectionString)).ShouldBeEmpty();
    }

    private static async Task<double> ActivationsReadAsync(TestHub hub)
    {
        var snapshot = await hub.Client.GetJsonAsync("/api/metrics");
        return snapshot.GetProperty("instruments").EnumerateArray()
            .Single(instrument => instrument.Str("name") == "hub.storage.activations_per_read")
            .GetProperty("sum").GetDouble();
    }
}
