using System.Text.Json;
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

    private static async Task<double> ActivationsReadAsync(TestHub hub)
    {
        var snapshot = await hub.Client.GetJsonAsync("/api/metrics");
        return snapshot.GetProperty("instruments").EnumerateArray()
            .Single(instrument => instrument.Str("name") == "hub.storage.activations_per_read")
            .GetProperty("sum").GetDouble();
    }
}
