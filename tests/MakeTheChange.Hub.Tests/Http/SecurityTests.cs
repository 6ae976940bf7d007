using System.Net;
using System.Net.Http.Headers;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Http;

public sealed class SecurityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    [InlineData(TestHub.AdminKey + "x")]
    [InlineData(TestHub.AdminKey + TestHub.AdminKey)]
    public async Task The_api_without_the_admin_key_is_a_401_problem_and_changes_nothing(string? key)
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("hub", "MIEL");
        using var anonymous = new HttpClient { BaseAddress = hub.Client.BaseAddress };
        if (key is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var write = await anonymous.PostMovementAsync("MIEL", "hub", new { movementId = "m", kind = "receipt", quantity = 5 });
        using var read = await anonymous.GetAsync("/api/locations");

        var problem = await write.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        write.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        problem.ToString().ShouldNotContain(TestHub.AdminKey);
        await read.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await hub.Client.GetJsonAsync("/api/stock/MIEL/hub")).Int("onHand").ShouldBe(0);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_need_no_key()
    {
        await using var hub = await TestHub.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = hub.Client.BaseAddress };

        using var live = await anonymous.GetAsync("/health/live");
        using var openApi = await anonymous.GetAsync("/openapi/v1.json");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_hub_refuses_to_start_without_an_admin_key()
    {
        var failure = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestHub.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Hub:AdminApiKey"] = "short" }));

        failure.Message.ShouldContain("Hub:AdminApiKey");
    }
}
