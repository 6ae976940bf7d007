using System.Globalization;
using System.Net;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed class RateLimitTests : SimulatorTest
{
    [Fact]
    public async Task Every_answer_carries_the_budget_headers_of_300_per_register_plus_50()
    {
        using var first = await Api.GetAsync("api/2.0/outlets");
        using var second = await Api.GetAsync("api/2.0/products");

        first.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("350");
        first.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("349");
        second.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("348");
    }

    [Fact]
    public async Task The_default_budget_grows_with_the_registers()
    {
        await using var bigStore = await LightspeedSimulatorHost.StartAsync(new LightspeedSimulatorOptions { Registers = 3 });

        bigStore.Simulator.GetRateLimit().ShouldBe(new RateLimitStatus(950, 300, 950, 0));
    }

    [Fact]
    public async Task Over_budget_a_request_is_a_429_with_an_http_date_retry_after_and_changes_nothing()
    {
        await ControlAsync(HttpMethod.Put, "simulator/ratelimit", """{"limit":2,"windowSeconds":60}""");
        var started = DateTimeOffset.UtcNow;
        await Api.GetAsync("api/2.0/outlets");
        await Api.GetAsync("api/2.0/outlets");

        using var refused = await Api.PutAsync($"api/2.1/products/{Honey}", Json($$$"""{"details":{"inventory":[{"outlet_id":"{{{Brussels}}}","current_amount":9}]}}"""));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldBe("""{"error":"Too Many Requests","message":"Rate limiting enforced"}""");
        refused.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("2");
        refused.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("0");
        var retryAfter = refused.Headers.GetValues("Retry-After").Single();
        retryAfter.ShouldMatch(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$");
        var retryAt = DateTimeOffset.ParseExact(retryAfter, "r", CultureInfo.InvariantCulture);
        retryAt.ShouldBeInRange(started.AddSeconds(59), started.AddSeconds(62));
        Simulator.GetInventory(Honey, Brussels)!.Amount.ShouldBe(0);
        var stats = Simulator.GetStats();
        stats.RateLimited.ShouldBe(1);
        stats.Requests["PUT /api/2.1/products/{productId}"].ShouldBe(1);
    }

    [Fact]
    public async Task The_window_slides_and_frees_a_request_at_the_retry_after_time()
    {
        Simulator.SetRateLimit(new RateLimitSettings { Limit = 3, WindowSeconds = 1 });
        for (var request = 0; request < 3; request++)
        {
            (await GetAsync("api/2.0/outlets")).Status.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await Api.GetAsync("api/2.0/outlets");
        var retryAt = DateTimeOffset.ParseExact(refused.Headers.GetValues("Retry-After").Single(), "r", CultureInfo.InvariantCulture);
        var wait = retryAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var (status, _) = await GetAsync("api/2.0/outlets");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_most_requests_in_any_window_tells_whether_a_client_stayed_under_budget()
    {
        await ControlAsync(HttpMethod.Put, "simulator/ratelimit", """{"limit":4,"windowSeconds":60}""");
        for (var request = 0; request < 3; request++)
        {
            await Api.GetAsync("api/2.0/sales");
        }

        var underBudget = (await ControlAsync(HttpMethod.Get, "simulator/stats"))["maxRequestsInAnyWindow"]!.GetValue<long>();
        for (var request = 0; request < 3; request++)
        {
            await Api.GetAsync("api/2.0/sales");
        }

        var stats = await ControlAsync(HttpMethod.Get, "simulator/stats");
        underBudget.ShouldBe(3);
        stats["maxRequestsInAnyWindow"]!.GetValue<long>().ShouldBe(6);
        stats["rateLimited"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_the_rate_limit_restores_the_default_budget()
    {
        await ControlAsync(HttpMethod.Put, "simulator/ratelimit", """{"limit":1,"windowSeconds":60}""");
        await Api.GetAsync("api/2.0/outlets");
        (await GetAsync("api/2.0/outlets")).Status.ShouldBe(HttpStatusCode.TooManyRequests);

        var restored = await ControlAsync(HttpMethod.Delete, "simulator/ratelimit");

        restored["limit"]!.GetValue<int>().ShouldBe(350);
        restored["windowSeconds"]!.GetValue<int>().ShouldBe(300);
        (await GetAsync("api/2.0/outlets")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_invalid_budget_is_refused()
    {
        using var response = await Control.PutAsync("simulator/ratelimit", Json("""{"limit":0,"windowSeconds":60}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
