using System.Diagnostics;
using System.Net;
using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed class FaultTests : SimulatorTest
{
    private const string Adjustments = "api/2026-07/stock_adjustments";

    private static string FoundOne(string productId, string outletId) =>
        $$"""{"stock_adjustments":[{"product_id":"{{productId}}","outlet_id":"{{outletId}}","quantity":"1","reason":"STOCK_FOUND"}]}""";

    [Fact]
    public async Task An_outage_answers_503_to_everything_and_changes_nothing()
    {
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"outage":true}""");

        var (changeStatus, body) = await SendAsync(HttpMethod.Post, Adjustments, FoundOne(Soap, Brussels));
        var (readStatus, _) = await GetAsync("api/2.0/outlets");
        await ControlAsync(HttpMethod.Delete, "simulator/faults");
        var (afterStatus, _) = await GetAsync("api/2.0/outlets");

        changeStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ShouldBeLightspeedError(body, "Service Unavailable");
        readStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        afterStatus.ShouldBe(HttpStatusCode.OK);
        Simulator.GetInventory(Soap, Brussels)!.Amount.ShouldBe(0);
        Simulator.GetStats().ServerErrors.ShouldBe(2);
    }

    [Fact]
    public async Task Every_nth_request_fails_with_a_server_error_that_changes_nothing()
    {
        Simulator.SetFaults(new SimulatorFaults { ServerErrorEvery = 2 });

        var (first, _) = await SendAsync(HttpMethod.Post, Adjustments, FoundOne(Honey, Ghent));
        var (second, body) = await SendAsync(HttpMethod.Post, Adjustments, FoundOne(Honey, Ghent));

        first.ShouldBe(HttpStatusCode.Created);
        second.ShouldBe(HttpStatusCode.InternalServerError);
        ShouldBeLightspeedError(body, "Internal Server Error");
        Simulator.GetInventory(Honey, Ghent)!.Amount.ShouldBe(1);
        var stats = await ControlAsync(HttpMethod.Get, "simulator/stats");
        stats["requests"]!["POST /api/2026-07/stock_adjustments"]!.GetValue<long>().ShouldBe(2);
        stats["serverErrors"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"latencyMs":300}""");
        var stopwatch = Stopwatch.StartNew();

        var (status, _) = await GetAsync("api/2.0/outlets");

        status.ShouldBe(HttpStatusCode.OK);
        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(290);
    }

    [Fact]
    public async Task A_write_whose_answer_is_lost_is_applied_all_the_same_and_reads_are_answered()
    {
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"loseWriteAnswers":true}""");
        using var impatient = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };
        impatient.DefaultRequestHeaders.Authorization = Api.DefaultRequestHeaders.Authorization;
        using var write = new HttpRequestMessage(HttpMethod.Post, Adjustments) { Content = new StringContent(FoundOne(Soap, Ghent), System.Text.Encoding.UTF8, "application/json") };

        await Should.ThrowAsync<TaskCanceledException>(() => impatient.SendAsync(write));
        var (readStatus, _) = await GetAsync("api/2.0/outlets");

        Simulator.GetInventory(Soap, Ghent)!.Amount.ShouldBe(1);
        readStatus.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_control_api_is_not_subject_to_faults_or_the_rate_limit()
    {
        Simulator.SetFaults(new SimulatorFaults { Outage = true });
        await ControlAsync(HttpMethod.Put, "simulator/ratelimit", """{"limit":1,"windowSeconds":60}""");

        var level = await ControlAsync(HttpMethod.Put, $"simulator/inventory/{Soap}/{Ghent}", """{"amount":3}""");
        var again = await ControlAsync(HttpMethod.Get, $"simulator/inventory/{Soap}/{Ghent}");

        level["amount"]!.GetValue<decimal>().ShouldBe(3);
        again["amount"]!.GetValue<decimal>().ShouldBe(3);
        Simulator.GetStats().TotalRequests.ShouldBe(0);
    }
}
