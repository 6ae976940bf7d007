using System.Collections.Concurrent;
using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;
using MakeTheChange.Hub.Tests.Reservations;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Crash;

public sealed class CrashRecoveryTests
{
    private static readonly string[] Skus = [.. Enumerable.Range(1, 8).Select(i => $"SKU-{i}")];

    [Fact]
    public async Task A_hub_killed_under_load_keeps_every_acknowledged_write_and_every_level_equals_its_ledger_after_restart()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var movements = new ConcurrentBag<(string Sku, string Body)>();
        var reservations = new ConcurrentBag<string>();
        await using (var hub = await HubProcess.StartAsync(database))
        {
            await hub.Client.CatalogAsync("store", Skus);
            foreach (var sku in Skus)
            {
                await hub.Client.ReceiveAsync(sku, "store", 500, "L1", "2028-01-31");
            }

            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(worker => LoadAsync(hub.Client, worker, movements, reservations, stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2));

            // No shutdown: writes, transactions and multi-line reservations are cut wherever they are.
            await hub.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        movements.Count.ShouldBeGreaterThan(50, "the load must have been running when the hub was killed");
        reservations.Count.ShouldBeGreaterThan(10);
        (await Ledger.ViolationsAsync(database)).ShouldBeEmpty();
        var recorded = (await Sql.ListAsync<string>(database, "SELECT movement_id FROM stock_movements")).ToHashSet(StringComparer.Ordinal);
        movements.Select(m => MovementId(m.Body)).Where(id => !recorded.Contains(id)).ShouldBeEmpty("acknowledged movements lost");
        var kept = (await Sql.ListAsync<string>(database, "SELECT reservation_id FROM reservations")).ToHashSet(StringComparer.Ordinal);
        reservations.Where(id => !kept.Contains(id)).ShouldBeEmpty("acknowledged reservations lost");

        await using var restarted = await HubProcess.StartAsync(database);
        var ledgerRows = await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM stock_movements");
        foreach (var (sku, body) in movements.Take(20))
        {
            using var repeat = await restarted.Client.PostAsync($"/api/stock/{sku}/store/movements", Content(body));
            repeat.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM stock_movements")).ShouldBe(ledgerRows);
        (await restarted.Client.ReceiveAndReadAsync("SKU-1", "store")).ShouldBeGreaterThan(0);
        (await Ledger.ViolationsAsync(database)).ShouldBeEmpty();
    }

    private static async Task LoadAsync(
        HttpClient client,
        int worker,
        ConcurrentBag<(string Sku, string Body)> movements,
        ConcurrentBag<string> reservations,
        CancellationToken stop)
    {
        var random = new Random(worker);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                if (i % 4 == 3)
                {
                    var id = $"res-{worker}-{i}";
                    var lines = Skus.OrderBy(_ => random.Next()).Take(3).Select(sku => (sku, 1)).ToArray();
                    using var reserved = await client.ReserveAsync(id, "store", lines);
                    if (reserved.StatusCode == HttpStatusCode.Created)
                    {
                        reservations.Add(id);
                    }
                }
                else
                {
                    var sku = Skus[random.Next(Skus.Length)];
                    var kind = i % 4 == 0 ? "receipt" : "sale";
                    var body = $$"""{"movementId":"w{{worker}}-{{i}}","kind":"{{kind}}","quantity":{{1 + random.Next(3)}}}""";
                    using var response = await client.PostAsync($"/api/stock/{sku}/store/movements", Content(body), stop);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        movements.Add((sku, body));
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // The hub died mid-request: this command was never acknowledged.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(10, CancellationToken.None);
            }
        }
    }

    private static StringContent Content(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static string MovementId(string body) => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("movementId").GetString()!;
}
