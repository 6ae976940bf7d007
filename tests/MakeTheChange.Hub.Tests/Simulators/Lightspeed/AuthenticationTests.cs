using System.Net;
using System.Text.Json.Nodes;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed class AuthenticationTests : SimulatorTest
{
    [Fact]
    public async Task A_request_without_the_access_token_is_refused_with_a_lightspeed_error()
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseUrl };
        using var response = await anonymous.GetAsync("api/2.0/outlets");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldBeLightspeedError(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, "Unauthorized");
        response.Headers.Contains("X-RateLimit-Limit").ShouldBeTrue();
        Simulator.GetStats().Unauthorized.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_with_a_wrong_token_is_refused_and_changes_nothing()
    {
        using var intruder = new HttpClient { BaseAddress = Host.BaseUrl };
        intruder.DefaultRequestHeaders.Add("Authorization", "Bearer not-the-token");
        using var response = await intruder.PutAsync(
            $"api/2.1/products/{Honey}",
            Json($$$"""{"details":{"inventory":[{"outlet_id":"{{{Brussels}}}","current_amount":5}]}}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Simulator.GetInventory(Honey, Brussels)!.Amount.ShouldBe(0);
    }

    [Fact]
    public async Task The_outlets_are_listed_in_the_2_0_shape_with_the_token()
    {
        var (status, body) = await GetAsync("api/2.0/outlets");

        status.ShouldBe(HttpStatusCode.OK);
        var outlets = body["data"]!.AsArray();
        Strings(outlets, "id").ShouldBe([Brussels, Ghent]);
        var brussels = outlets[0]!;
        brussels["name"]!.GetValue<string>().ShouldBe("Make the CHANGE Bruxelles");
        brussels["currency"]!.GetValue<string>().ShouldBe("EUR");
        brussels["time_zone"]!.GetValue<string>().ShouldBe("Europe/Brussels");
        brussels.AsObject().ContainsKey("deleted_at").ShouldBeTrue();
        brussels["deleted_at"].ShouldBeNull();
        body["version"]!["min"]!.GetValue<long>().ShouldBe(brussels["version"]!.GetValue<long>());
        body["version"]!["max"]!.GetValue<long>().ShouldBe(outlets[1]!["version"]!.GetValue<long>());
    }
}
