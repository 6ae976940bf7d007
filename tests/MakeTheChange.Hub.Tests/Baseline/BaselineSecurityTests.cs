using System.Net;
using System.Net.Http.Headers;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Baseline;

public sealed class BaselineSecurityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task The_api_without_the_admin_key_is_a_401_problem_and_changes_nothing(string? key)
    {
        await using var baseline = await TestBaseline.StartAsync();
        await baseline.SeedAsync("store-1", "MIEL", onHand: 5);
        using var anonymous = new HttpClient { BaseAddress = baseline.Client.BaseAddress };
        if (key is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var write = await anonymous.PostAsync(
            "/api/stock/MIEL/store-1/movements",
            new StringContent("""{"movementId":"m1","kind":"receipt","quantity":5}""", System.Text.Encoding.UTF8, "application/json"));
        using var read = await anonymous.GetAsync("/api/stock/MIEL/store-1");
        using var live = await anonymous.GetAsync("/health/live");

        (await write.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).ToString().ShouldNotContain(TestBaseline.AdminKey);
        await read.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await live.ReadJsonAsync()).Str("status").ShouldBe("live");
        (await baseline.Client.GetJsonAsync("/api/stock/MIEL/store-1")).Int("onHand").ShouldBe(5);
    }
}
