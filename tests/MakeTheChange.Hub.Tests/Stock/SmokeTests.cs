using System.Net;
using System.Net.Http.Json;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Stock;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_receipt_is_applied()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.PutLocationAsync("store-1");
        await hub.Client.PutProductAsync("SKU-1");
        var response = await hub.Client.PostMovementAsync("SKU-1", "store-1", new { movementId = "m1", kind = "receipt", quantity = 5, lot = "L1", bestBefore = "2027-01-01" });
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("onHand");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
    }
}
