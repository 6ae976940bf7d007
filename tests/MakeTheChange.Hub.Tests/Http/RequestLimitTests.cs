using System.Net;
using System.Text;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Http;

public sealed class RequestLimitTests
{
    [Fact]
    public async Task A_body_over_a_megabyte_is_refused_with_a_413_problem_and_changes_nothing()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        var huge = $$"""{"movementId":"m","kind":"receipt","quantity":1,"reason":"{{new string('x', 2 * 1024 * 1024)}}"}""";

        using var response = await hub.Client.PostAsync("/api/stock/MIEL/hub/movements", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("version").ShouldBe(0);
    }
}
