namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>The connector contract, against the Square simulator, and what only Square does.</summary>
public sealed class SquareConnectorContractTests : PosConnectorContract<SquarePosUnderTest>
{
    protected override string Kind => "square";

    [Fact]
    public async Task A_recount_in_the_square_dashboard_reaches_the_hub()
    {
        await using var setup = await ConnectAsync();

        await setup.Pos.RecountInBackOfficeAsync(Store, Soap, 6);

        (await Infrastructure.Eventually.ReturnsAsync(() => OnHandAsync(setup.Hub, Soap, Store), onHand => onHand == 6, TimeSpan.FromSeconds(5))).ShouldBe(6);
        (await LastMovementAsync(setup.Hub, Soap, Store)).GetProperty("kind").GetString().ShouldBe("count");
    }
}
