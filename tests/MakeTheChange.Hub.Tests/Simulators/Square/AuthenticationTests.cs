using System.Net;
using System.Text.Json.Nodes;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class AuthenticationTests : SimulatorTest
{
    [Fact]
    public async Task A_request_without_the_access_token_is_refused_with_Squares_error_envelope()
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseUrl };
        using var response = await anonymous.GetAsync("v2/locations");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldBeSquareError(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, "AUTHENTICATION_ERROR", "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_request_with_a_wrong_token_is_refused()
    {
        using var intruder = new HttpClient { BaseAddress = Host.BaseUrl };
        intruder.DefaultRequestHeaders.Add("Authorization", "Bearer not-the-token");
        using var response = await intruder.PostAsync("v2/catalog/search", Json("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_locations_are_listed_in_Squares_shape_with_the_token()
    {
        var (status, body) = await GetAsync("v2/locations");

        status.ShouldBe(HttpStatusCode.OK);
        var brussels = body["locations"]!.AsArray().Single(location => location!["id"]!.GetValue<string>() == Brussels)!;
        brussels["name"]!.GetValue<string>().ShouldBe("Make the CHANGE Bruxelles");
        brussels["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        brussels["currency"]!.GetValue<string>().ShouldBe("EUR");
        brussels["country"]!.GetValue<string>().ShouldBe("BE");
        brussels["merchant_id"]!.GetValue<string>().ShouldBe("SIMMERCHANT");
        brussels["type"]!.GetValue<string>().ShouldBe("PHYSICAL");
        brussels["timezone"]!.GetValue<string>().ShouldBe("Europe/Brussels");
    }
}
