using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;
using MakeTheChange.Hub.Tests.Reservations;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Cluster;

/// <summary>Two hub processes on one database: versions, not routing, keep them correct.</summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task Two_hub_processes_on_one_database_lose_no_update_never_oversell_and_read_each_others_writes()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var first = await HubProcess.StartAsync(database);
        await using var second = await HubProcess.StartAsync(database);
        await first.Client.CatalogAsync("store", "COUNTED", "HOT");
        await first.Client.ReceiveAsync("HOT", "store", 10);

        var receipts = Enumerable.Range(1, 200).Select(i =>
            (i % 2 == 0 ? first : second).Client.PostMovementAsync("COUNTED", "store", new { movementId = $"m{i}", kind = "receipt", quantity = 1 }));
        var reserved = Enumerable.Range(1, 100).Select(i =>
            (i % 2 == 0 ? first : second).Client.ReserveAsync($"r{i}", "store", ("HOT", 1)));
        var movementResponses = await Task.WhenAll(receipts);
        var reservationResponses = await Task.WhenAll(reserved);

        movementResponses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        reservationResponses.Count(response => response.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        reservationResponses.Count(response => response.StatusCode == HttpStatusCode.Conflict).ShouldBe(90);
        (await Sql.ScalarAsync<int>(database, "SELECT on_hand FROM stock_levels WHERE sku = 'COUNTED'")).ShouldBe(200);
        (await Sql.ScalarAsync<int>(database, "SELECT held FROM stock_levels WHERE sku = 'HOT'")).ShouldBe(10);
        (await Ledger.ViolationsAsync(database)).ShouldBeEmpty();

        // Each node answers with what the other committed, not with its own older activation.
        (await first.Client.GetJsonAsync("/api/stock/COUNTED/store")).Int("onHand").ShouldBe(200);
        (await second.Client.GetJsonAsync("/api/stock/COUNTED/store")).Int("onHand").ShouldBe(200);
        (await second.Client.ReceiveAndReadAsync("COUNTED", "store")).ShouldBe(201);
        (await first.Client.GetJsonAsync("/api/stock/COUNTED/store")).Int("onHand").ShouldBe(201);
    }
}
