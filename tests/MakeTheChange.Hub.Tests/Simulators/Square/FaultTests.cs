using System.Diagnostics;
using System.Net;
using MakeTheChange.Connectors.Square.Simulator.Faults;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed class FaultTests : SimulatorTest
{
    private const string BatchCreate = "v2/inventory/changes/batch-create";

    [Fact]
    public async Task Every_nth_request_is_rate_limited_and_changes_nothing()
    {
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"rateLimitEvery":3}""");

        var statuses = new List<HttpStatusCode>();
        for (var request = 1; request <= 6; request++)
        {
            var (status, body) = await PostAsync(BatchCreate, Receive($"hub-rl-{request}", Soap, Brussels, 1));
            statuses.Add(status);
            if (status == HttpStatusCode.TooManyRequests)
            {
                ShouldBeSquareError(body, "RATE_LIMIT_ERROR", "RATE_LIMITED");
            }
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        Simulator.GetInventoryCount(Soap, Brussels)!.Quantity.ShouldBe(4);
        var stats = await ControlAsync(HttpMethod.Get, "simulator/stats");
        stats["rateLimited"]!.GetValue<long>().ShouldBe(2);
        stats["requests"]!["POST /v2/inventory/changes/batch-create"]!.GetValue<long>().ShouldBe(6);
    }

    [Fact]
    public async Task A_rate_limited_request_can_be_retried_with_the_same_key()
    {
        Simulator.SetFaults(new SimulatorFaults { RateLimitAll = true });
        var (limited, _) = await PostAsync(BatchCreate, Receive("hub-retry", Soap, Brussels, 2));
        Simulator.ClearFaults();

        var (retried, _) = await PostAsync(BatchCreate, Receive("hub-retry", Soap, Brussels, 2));

        limited.ShouldBe(HttpStatusCode.TooManyRequests);
        retried.ShouldBe(HttpStatusCode.OK);
        Simulator.GetInventoryCount(Soap, Brussels)!.Quantity.ShouldBe(2);
    }

    [Fact]
    public async Task An_outage_answers_503_to_everything_and_changes_nothing()
    {
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"outage":true}""");

        var (changeStatus, body) = await PostAsync(BatchCreate, Receive("hub-outage", Soap, Brussels, 1));
        var (readStatus, _) = await GetAsync("v2/locations");
        await ControlAsync(HttpMethod.Delete, "simulator/faults");
        var (afterStatus, _) = await GetAsync("v2/locations");

        changeStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ShouldBeSquareError(body, "API_ERROR", "SERVICE_UNAVAILABLE");
        readStatus.ShouldBe(HttpStatusCode.ServiceUnavailable);
        afterStatus.ShouldBe(HttpStatusCode.OK);
        Simulator.GetInventoryCount(Soap, Brussels).ShouldBeNull();
        Simulator.GetStats().ServerErrors.ShouldBe(2);
    }

    [Fact]
    public async Task Every_nth_request_fails_with_a_server_error_that_changes_nothing()
    {
        Simulator.SetFaults(new SimulatorFaults { ServerErrorEvery = 2 });

        var (first, _) = await PostAsync(BatchCreate, Receive("hub-5xx-1", Honey, Ghent, 1));
        var (second, body) = await PostAsync(BatchCreate, Receive("hub-5xx-2", Honey, Ghent, 1));

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBe(HttpStatusCode.InternalServerError);
        ShouldBeSquareError(body, "API_ERROR", "INTERNAL_SERVER_ERROR");
        Simulator.GetInventoryCount(Honey, Ghent)!.Quantity.ShouldBe(1);
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        await ControlAsync(HttpMethod.Put, "simulator/faults", """{"latencyMs":300}""");
        var stopwatch = Stopwatch.StartNew();

        var (status, _) = await GetAsync("v2/locations");

        status.ShouldBe(HttpStatusCode.OK);
        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(290);
    }

    [Fact]
    public async Task The_control_api_is_not_subject_to_faults()
    {
        Simulator.SetFaults(new SimulatorFaults { Outage = true });

        var level = await ControlAsync(HttpMethod.Put, $"simulator/inventory/{Soap}/{Ghent}", """{"quantity":3}""");

        level["quantity"]!.GetValue<decimal>().ShouldBe(3);
    }
}
