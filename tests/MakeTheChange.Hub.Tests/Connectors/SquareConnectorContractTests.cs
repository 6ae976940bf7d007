using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>The connector contract, against the Square simulator, and what only Square does.</summary>
public sealed class SquareConnectorContractTests : PosConnectorContract<SquarePosUnderTest>
{
    private const string ChangesEndpoint = "POST /v2/inventory/changes/batch-retrieve";

    protected override string Kind => "square";

    [Fact]
    public async Task A_recount_in_the_square_dashboard_reaches_the_hub()
    {
        await using var setup = await ConnectAsync();

        await setup.Pos.RecountInBackOfficeAsync(Store, Soap, 6);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 6, TimeSpan.FromSeconds(5))).ShouldBe(6);
        (await LastMovementAsync(setup.Hub, Soap, Store)).GetProperty("kind").GetString().ShouldBe("count");
    }

    [Fact]
    public async Task A_sales_two_payment_events_fetch_its_order_once()
    {
        await using var setup = await ConnectAsync();
        var before = OrderReads(setup.Pos);

        await setup.Pos.RingSaleAsync(Store, Honey, 1);

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 9, TimeSpan.FromSeconds(5))).ShouldBe(9);
        (await Eventually.ReturnsAsync(() => PendingEventsAsync(setup.Hub), pending => pending == 0, TimeSpan.FromSeconds(5))).ShouldBe(0);
        (OrderReads(setup.Pos) - before).ShouldBe(1, "payment.created and payment.updated name the same order");
    }

    [Fact]
    public async Task Stock_notices_of_sales_in_quick_succession_share_a_change_feed_read_per_interval()
    {
        await using var setup = await ConnectAsync(new() { ["Hub:Square:ChangeFeedReadInterval"] = "00:00:02" });
        var before = setup.Pos.Requests(ChangesEndpoint);

        // A sale every 0.2 s: each one's notice arrives after the one before was taken, with a newer count.
        for (var i = 0; i < 10; i++)
        {
            await setup.Pos.RingSaleAsync(Store, Honey, 1);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        (await Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Honey, Store), onHand => onHand == 0, TimeSpan.FromSeconds(5))).ShouldBe(0);
        (await Eventually.ReturnsAsync(() => PendingEventsAsync(setup.Hub), pending => pending == 0, TimeSpan.FromSeconds(10))).ShouldBe(0);

        // Read as each notice came, that would be ten reads; one every two seconds, two or three.
        (setup.Pos.Requests(ChangesEndpoint) - before).ShouldBeInRange(1, 3);
    }

    private static long OrderReads(SquarePosUnderTest pos) =>
        pos.Requests("GET /v2/orders/{order_id}") + pos.Requests("POST /v2/orders/batch-retrieve");
}
