using System.Net;
using System.Net.Http.Json;
using System.Text;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Stock;

/// <summary>Bad input gets a 400 problem that says what is wrong, and changes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly string LongId = new('x', 65);

    private TestHub _hub = null!;

    public static TheoryData<string, string, string> BadMovements => new()
    {
        { "zero quantity", """{"movementId":"m","kind":"receipt","quantity":0}""", "quantity" },
        { "negative receipt", """{"movementId":"m","kind":"receipt","quantity":-5}""", "quantity" },
        { "negative sale", """{"movementId":"m","kind":"sale","quantity":-1}""", "quantity" },
        { "zero adjustment", """{"movementId":"m","kind":"adjustment","quantity":0}""", "quantity" },
        { "negative count", """{"movementId":"m","kind":"count","quantity":-1}""", "quantity" },
        { "missing quantity", """{"movementId":"m","kind":"count"}""", "quantity" },
        { "huge receipt", """{"movementId":"m","kind":"receipt","quantity":1000001}""", "quantity" },
        { "unknown kind", """{"movementId":"m","kind":"teleport","quantity":1}""", "kind" },
        { "kind the hub records itself", """{"movementId":"m","kind":"hold","quantity":1}""", "kind" },
        { "missing kind", """{"movementId":"m","quantity":1}""", "kind" },
        { "missing movement id", """{"kind":"receipt","quantity":1}""", "movementId" },
        { "oversized movement id", $$"""{"movementId":"{{LongId}}","kind":"receipt","quantity":1}""", "movementId" },
        { "movement id with a space", """{"movementId":"a b","kind":"receipt","quantity":1}""", "movementId" },
        { "lot on a count", """{"movementId":"m","kind":"count","quantity":1,"lot":"L1"}""", "lot" },
        { "best-before on a sale", """{"movementId":"m","kind":"sale","quantity":1,"bestBefore":"2028-01-31"}""", "bestBefore" },
        { "overlong reason", $$"""{"movementId":"m","kind":"receipt","quantity":1,"reason":"{{new string('r', 257)}}"}""", "reason" },
    };

    public static TheoryData<string, string, string> UnreadableMovements => new()
    {
        { "number beyond int range", """{"movementId":"m","kind":"receipt","quantity":3000000000}""", "$.quantity: expected a whole number" },
        { "fractional quantity", """{"movementId":"m","kind":"receipt","quantity":1.5}""", "$.quantity: expected a whole number" },
        { "quantity as a string", """{"movementId":"m","kind":"receipt","quantity":"5"}""", "$.quantity: expected a number" },
        { "kind as a number", """{"movementId":"m","kind":7,"quantity":1}""", "$.kind: expected a string" },
        { "an array for a body", """[{"movementId":"m","kind":"receipt","quantity":1}]""", "expected a JSON object" },
        { "truncated JSON", """{"movementId":"m","kind":"receipt","quantity":""", "JSON" },
        { "not JSON", "quantity=5", "JSON" },
        { "misspelt field", """{"movementId":"m","kind":"receipt","quantiy":5}""", "$.quantiy: this field is not part of the request" },
        { "time without offset", """{"movementId":"m","kind":"sale","quantity":1,"occurredAt":"2026-11-21T10:00:00"}""", "offset" },
        { "date in another format", """{"movementId":"m","kind":"receipt","quantity":1,"bestBefore":"31/12/2027"}""", "YYYY-MM-DD" },
    };

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync();
        await _hub.Client.CatalogAsync("hub", "MIEL");
        (await _hub.Client.PostMovementAsync("MIEL", "hub", new { movementId = "start", kind = "receipt", quantity = 10 })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadMovements))]
    public async Task An_invalid_movement_is_a_400_naming_the_field_and_changes_nothing(string why, string body, string field)
    {
        using var response = await PostRawAsync("/api/stock/MIEL/hub/movements", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue($"{why}: {problem}");
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
        await ShouldBeUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(UnreadableMovements))]
    public async Task An_unreadable_movement_is_a_400_saying_where_and_changes_nothing(string why, string body, string mentioned)
    {
        using var response = await PostRawAsync("/api/stock/MIEL/hub/movements", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Str("detail")!.ShouldContain(mentioned, Case.Insensitive, why);
        problem.Str("detail")!.ShouldNotContain("MakeTheChange", Case.Sensitive, "problems do not show the hub's insides");
        problem.Str("detail")!.ShouldNotContain("System.", Case.Sensitive, "problems do not show the hub's insides");
        await ShouldBeUnchangedAsync();
    }

    [Theory]
    [InlineData("/api/stock/{0}/hub/movements", "sku")]
    [InlineData("/api/stock/MIEL/{0}/movements", "locationId")]
    public async Task An_oversized_id_in_the_path_is_a_400_and_changes_nothing(string path, string field)
    {
        using var response = await PostRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, LongId), """{"movementId":"m","kind":"receipt","quantity":1}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        await ShouldBeUnchangedAsync();
    }

    [Fact]
    public async Task A_movement_without_a_body_is_a_400()
    {
        using var response = await _hub.Client.PostAsync("/api/stock/MIEL/hub/movements", content: null);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
        await ShouldBeUnchangedAsync();
    }

    [Theory]
    [InlineData("""{"quantity":-1}""")]
    [InlineData("""{}""")]
    [InlineData("""{"quantity":99999999999}""")]
    public async Task An_invalid_safety_stock_is_a_400_and_changes_nothing(string body)
    {
        using var response = await _hub.Client.PutAsync("/api/stock/MIEL/hub/safety-stock", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await ShouldBeUnchangedAsync();
    }

    [Theory]
    [InlineData("""{"name":"","kind":"store","clickAndCollect":true}""", "name")]
    [InlineData("""{"name":"Gent","kind":"shop","clickAndCollect":true}""", "kind")]
    [InlineData("""{"name":"Gent","kind":"store"}""", "clickAndCollect")]
    public async Task An_invalid_location_is_a_400_and_is_not_created(string body, string field)
    {
        using var response = await _hub.Client.PutAsync("/api/locations/new-store", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        using var lookup = await _hub.Client.GetAsync("/api/locations/new-store");
        lookup.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name":"Miel","priceCents":-1}""", "priceCents")]
    [InlineData("""{"name":"Miel","priceCents":100,"currency":"euro"}""", "currency")]
    [InlineData("""{"priceCents":100}""", "name")]
    public async Task An_invalid_product_is_a_400_and_is_not_created(string body, string field)
    {
        using var response = await _hub.Client.PutAsync("/api/products/NEW-SKU", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        using var lookup = await _hub.Client.GetAsync("/api/products/NEW-SKU");
        lookup.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string body) =>
        _hub.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task ShouldBeUnchangedAsync()
    {
        var level = await _hub.Client.GetJsonAsync("/api/stock/MIEL/hub");
        level.Int("onHand").ShouldBe(10);
        level.Int("safetyStock").ShouldBe(0);
        level.Int("version").ShouldBe(1);
        (await Sql.ScalarAsync<long>(_hub.ConnectionString, "SELECT count(*) FROM stock_movements")).ShouldBe(1);
    }
}
