using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Http;

public sealed class ApiContractTests
{
    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_of_the_contract()
    {
        await using var hub = await TestHub.StartAsync();

        var document = await hub.Client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        string[] contract =
        [
            "/api/locations/{locationId}", "/api/locations", "/api/products/{sku}",
            "/api/stock/{sku}/{locationId}", "/api/stock/{sku}", "/api/stock/{sku}/{locationId}/movements",
            "/api/stock/{sku}/{locationId}/safety-stock", "/api/reservations", "/api/reservations/{reservationId}",
            "/api/reservations/{reservationId}/fulfil", "/api/reservations/{reservationId}/release",
            "/health/live", "/health/ready",
        ];
        contract.ShouldBeSubsetOf(paths);
        document.GetProperty("paths").GetProperty("/api/stock/{sku}/{locationId}/movements").GetProperty("post")
            .GetProperty("responses").EnumerateObject().Select(response => response.Name).ShouldBe(["200", "400", "401", "404", "409", "503"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_naming_it()
    {
        await using var hub = await TestHub.StartAsync();

        using var response = await hub.Client.GetAsync("/api/nothing-here");

        (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Str("detail")!.ShouldContain("/api/nothing-here");
    }
}
