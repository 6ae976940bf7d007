using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Baseline;

public sealed class BaselineReservationTests
{
    [Fact]
    public async Task Concurrent_one_unit_reservations_on_ten_units_hold_exactly_ten()
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 10);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => baseline.ReserveAsync($"r-{i}", "store-1", "MIEL", 1)));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        var refused = responses.Where(response => response.StatusCode != HttpStatusCode.Created).ToList();
        refused.Count.ShouldBe(30);
        var problem = await refused[0].ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("insufficient")[0].Str("sku").ShouldBe("MIEL");
        var level = await baseline.Client.GetJsonAsync("/api/stock/MIEL/store-1");
        level.Int("held").ShouldBe(10);
        level.Int("available").ShouldBe(0);
        (await Sql.ScalarAsync<long>(baseline.ConnectionString, "SELECT sum(quantity) FROM baseline_reservation_lines")).ShouldBe(10);
        (await Sql.ScalarAsync<long>(baseline.ConnectionString, "SELECT count(*) FROM baseline_reservations")).ShouldBe(10);
    }

    [Fact]
    public async Task A_reservation_sent_again_is_held_once_and_answered_200()
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 10);

        using var first = await baseline.ReserveAsync("web-42", "store-1", "MIEL", 3);
        using var again = await baseline.ReserveAsync("web-42", "store-1", "MIEL", 3);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Location!.ToString().ShouldBe("/api/reservations/web-42");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await again.ReadJsonAsync()).Str("status").ShouldBe("held");
        (await baseline.Client.GetJsonAsync("/api/stock/MIEL/store-1")).Int("held").ShouldBe(3);
    }
}
