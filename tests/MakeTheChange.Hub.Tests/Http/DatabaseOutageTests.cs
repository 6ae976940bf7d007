using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Http;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_unreachable_the_hub_is_not_ready_answers_503_and_applies_nothing()
    {
        var (proxy, throughProxy) = TcpProxy.For(await TestPostgres.CreateDatabaseAsync());
        await using var _ = proxy;
        await using var hub = await TestHub.StartAsync(throughProxy);
        await hub.Client.CatalogAsync("hub", "MIEL");
        await hub.Client.ReceiveAsync("MIEL", "hub", 5);

        proxy.Cut();
        using var ready = await hub.Client.GetAsync("/health/ready");
        using var live = await hub.Client.GetAsync("/health/live");
        using var write = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "during-outage", kind = "sale", quantity = 1 });

        await ready.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        await write.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        write.Headers.RetryAfter.ShouldNotBeNull();

        proxy.Restore();
        var recovered = await Eventually.ReturnsAsync(
            async () => (await hub.Client.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10));
        recovered.ShouldBe(HttpStatusCode.OK);
        (await Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM stock_movements WHERE movement_id = 'during-outage'")).ShouldBe(0);

        // Retried with the same id once the database is back, the sale is applied once.
        using var retried = await hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "during-outage", kind = "sale", quantity = 1 });
        (await retried.ReadJsonAsync()).Int("onHand").ShouldBe(4);
    }
}
