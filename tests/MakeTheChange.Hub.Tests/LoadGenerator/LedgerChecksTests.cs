using System.Net.Http.Json;
using MakeTheChange.Hub.Tests.Infrastructure;
using MakeTheChange.LoadGenerator.Scenarios;
using MakeTheChange.LoadGenerator.Servers;
using Npgsql;

namespace MakeTheChange.Hub.Tests.LoadGenerator;

/// <summary>The benchmark's end-of-run checks see a lost acknowledged movement and a level that left its ledger.</summary>
public sealed class LedgerChecksTests
{
    private const string Store = "store-a";
    private const string Honey = "MIEL-250";

    [Fact]
    public async Task The_checks_hold_after_honest_movements_and_break_when_one_is_lost_or_a_level_drifts()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync(Store, Honey);
        foreach (var (id, kind, quantity) in new[] { ("r1-1", "receipt", 5), ("r1-2", "sale", 2) })
        {
            using var response = await hub.Client.PostMovementAsync(Honey, Store, new { movementId = id, kind, quantity });
            response.EnsureSuccessStatusCode();
        }

        await using var database = NpgsqlDataSource.Create(hub.ConnectionString);
        var honest = await LedgerChecks.CheckAsync(TargetKind.Hub, database, "r1", ["r1-1", "r1-2"], sent: 2, CancellationToken.None);
        var lost = await LedgerChecks.CheckAsync(TargetKind.Hub, database, "r1", ["r1-1", "r1-2", "r1-3"], sent: 3, CancellationToken.None);
        await Sql.ExecuteAsync(hub.ConnectionString, "UPDATE stock_levels SET on_hand = on_hand + 1 WHERE sku = $1", Honey);
        var drifted = await LedgerChecks.CheckAsync(TargetKind.Hub, database, "r1", ["r1-1", "r1-2"], sent: 2, CancellationToken.None);

        honest.ShouldAllBe(check => check.Holds);
        lost.Where(check => !check.Holds).Select(check => check.Name).ShouldBe(["acknowledged movements applied"]);
        drifted.Where(check => !check.Holds).Select(check => check.Name).ShouldBe(["level = ledger replayed"]);
    }

    [Fact]
    public async Task The_hold_checks_see_units_held_that_no_acknowledged_reservation_asked_for()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync(Store, Honey);
        await hub.Client.ReceiveAsync(Honey, Store, 3);
        using (var reserved = await hub.Client.PostAsJsonAsync("/api/reservations", new { reservationId = "r1-1", locationId = Store, channel = "click-and-collect", lines = new[] { new { sku = Honey, quantity = 2 } } }))
        {
            reserved.EnsureSuccessStatusCode();
        }

        await using var database = NpgsqlDataSource.Create(hub.ConnectionString);
        var acknowledged = await HoldChecks.CheckAsync(TargetKind.Hub, database, new Dictionary<(string, string), long> { [(Honey, Store)] = 2 }, CancellationToken.None);
        var unacknowledged = await HoldChecks.CheckAsync(TargetKind.Hub, database, new Dictionary<(string, string), long> { [(Honey, Store)] = 0 }, CancellationToken.None);

        acknowledged.ShouldAllBe(check => check.Holds);
        unacknowledged.Where(check => !check.Holds).Select(check => check.Name).ShouldBe(["held = acknowledged reservations"]);
    }
}
