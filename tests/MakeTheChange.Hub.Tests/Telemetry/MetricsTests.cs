using System.Net;
using System.Text.Json;
using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Telemetry;

public sealed class MetricsTests
{
    [Fact]
    public async Task The_metrics_show_the_writes_and_activations_behind_stock_movements()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("metrics", "MET-A", "MET-B");

        await hub.Client.ReceiveAsync("MET-A", "metrics", 5);
        await hub.Client.ReceiveAsync("MET-B", "metrics", 3);
        await hub.Client.ReceiveAsync("MET-A", "metrics", 2);
        var snapshot = await hub.Client.GetJsonAsync("/api/metrics");

        DateTimeOffset.Parse(snapshot.Str("takenAt")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        var writes = Instrument(snapshot, "hub.storage.writes_per_transaction", outcome: "committed");
        writes.Str("meter").ShouldBe("MakeTheChange.Grains");
        writes.Str("kind").ShouldBe("histogram");
        writes.GetProperty("count").GetInt64().ShouldBeGreaterThan(0);
        writes.GetProperty("sum").GetDouble().ShouldBeGreaterThanOrEqualTo(3);
        foreach (var percentile in new[] { "p50", "p95", "p99" })
        {
            writes.GetProperty(percentile).GetDouble().ShouldBeInRange(writes.GetProperty("min").GetDouble(), writes.GetProperty("max").GetDouble());
        }

        writes.TryGetProperty("value", out _).ShouldBeFalse();
        var duration = Instrument(snapshot, "hub.storage.transaction.duration", outcome: "committed");
        duration.Str("unit").ShouldBe("ms");
        duration.GetProperty("count").GetInt64().ShouldBe(writes.GetProperty("count").GetInt64());
        var created = Instrument(snapshot, "hub.grains.activations.created");
        created.Str("kind").ShouldBe("counter");
        created.GetProperty("value").GetDouble().ShouldBeGreaterThanOrEqualTo(2);
        var live = Instrument(snapshot, "hub.grains.activations");
        live.Str("kind").ShouldBe("gauge");
        live.GetProperty("value").GetDouble().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_hubs_metrics_count_only_its_own_grains()
    {
        await using var busy = await TestHub.StartAsync();
        await using var quiet = await TestHub.StartAsync();
        var before = Instrument(await quiet.Client.GetJsonAsync("/api/metrics"), "hub.grains.activations.created").GetProperty("value").GetDouble();

        await busy.Client.CatalogAsync("busy", "MET-C");
        await busy.Client.ReceiveAsync("MET-C", "busy", 1);

        Instrument(await busy.Client.GetJsonAsync("/api/metrics"), "hub.grains.activations.created").GetProperty("value").GetDouble().ShouldBeGreaterThanOrEqualTo(1);
        Instrument(await quiet.Client.GetJsonAsync("/api/metrics"), "hub.grains.activations.created").GetProperty("value").GetDouble().ShouldBe(before);
    }

    [Fact]
    public async Task Buckets_are_given_on_request_and_add_up_to_the_count()
    {
        await using var hub = await TestHub.StartAsync();
        await hub.Client.CatalogAsync("buckets", "MET-D");
        await hub.Client.ReceiveAsync("MET-D", "buckets", 4);

        var plain = Instrument(await hub.Client.GetJsonAsync("/api/metrics"), "hub.storage.transaction.duration", outcome: "committed");
        var detailed = Instrument(await hub.Client.GetJsonAsync("/api/metrics?buckets=true"), "hub.storage.transaction.duration", outcome: "committed");

        plain.TryGetProperty("buckets", out _).ShouldBeFalse();
        var buckets = detailed.GetProperty("buckets").EnumerateArray().ToList();
        buckets.ShouldNotBeEmpty();
        buckets.ShouldAllBe(bucket => bucket.GetProperty("lower").GetDouble() < bucket.GetProperty("upper").GetDouble());
        buckets.Sum(bucket => bucket.GetProperty("count").GetInt64()).ShouldBe(detailed.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task The_metrics_need_the_admin_key()
    {
        await using var hub = await TestHub.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = hub.Client.BaseAddress };

        using var response = await anonymous.GetAsync("/api/metrics");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static JsonElement Instrument(JsonElement snapshot, string name, string? outcome = null) =>
        snapshot.GetProperty("instruments").EnumerateArray()
            .Single(instrument => instrument.Str("name") == name
                && (outcome is null || (instrument.GetProperty("tags").TryGetProperty("outcome", out var tag) && tag.GetString() == outcome)));
}
