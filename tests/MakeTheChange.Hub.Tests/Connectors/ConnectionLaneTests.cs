using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>Each connection's webhook events are worked through in a lane of their own.</summary>
public sealed class ConnectionLaneTests
{
    private const string SquareStore = "store-a";
    private const string LightspeedStore = "store-b";
    private const string Soap = "SAVON-BOX";

    [Fact]
    public async Task A_slow_pos_does_not_hold_back_the_sales_of_another_connection()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Hub:Connectors:PollInterval"] = "01:00:00",
            ["Hub:Connectors:ReconcileInterval"] = "1.00:00:00",
        });
        await hub.Client.CatalogAsync(SquareStore, Soap);
        await hub.Client.PutLocationAsync(LightspeedStore);
        await hub.Client.ReceiveAsync(Soap, SquareStore, 10);
        await hub.Client.ReceiveAsync(Soap, LightspeedStore, 10);
        await using var square = new SquarePosUnderTest();
        await square.ConnectAsync(hub, "square", [SquareStore], [Soap]);
        await using var lightspeed = new LightspeedPosUnderTest();
        await lightspeed.ConnectAsync(hub, "lightspeed", [LightspeedStore], [Soap]);

        // Every Lightspeed answer now takes three seconds: its sale's poll is stuck in it for a while.
        lightspeed.Lightspeed.SetFaults(new SimulatorFaults { LatencyMs = 3000 });
        await lightspeed.RingSaleAsync(LightspeedStore, Soap, 1);
        await Eventually.ReturnsAsync(
            () => Sql.ScalarAsync<long>(hub.ConnectionString, "SELECT count(*) FROM pos_inbound_events WHERE connection_id = 'lightspeed' AND event_type = 'sale.update'"),
            stored => stored > 0,
            TimeSpan.FromSeconds(5));
        await square.RingSaleAsync(SquareStore, Soap, 2);

        (await Eventually.ReturnsAsync(() => OnHandAsync(hub, SquareStore), onHand => onHand == 8, TimeSpan.FromSeconds(5))).ShouldBe(8);
        (await OnHandAsync(hub, LightspeedStore)).ShouldBe(10, "the Lightspeed sale is still waiting for its slow poll");
        lightspeed.Lightspeed.SetFaults(new SimulatorFaults());
        (await Eventually.ReturnsAsync(() => OnHandAsync(hub, LightspeedStore), onHand => onHand == 9, TimeSpan.FromSeconds(15))).ShouldBe(9);
    }

    private static async Task<int> OnHandAsync(TestHub hub, string store) =>
        (await hub.Client.GetJsonAsync($"/api/stock/{Soap}/{store}")).Int("onHand");
}
