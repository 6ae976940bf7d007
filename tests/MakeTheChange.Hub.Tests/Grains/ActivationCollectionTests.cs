using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

public sealed class ActivationCollectionTests
{
    [Fact]
    public async Task Idle_activations_are_collected_and_come_back_with_their_committed_state()
    {
        await using var host = await GrainTestHost.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Grains:IdleTimeout"] = "00:00:00.200",
            ["Grains:CollectionInterval"] = "00:00:00.100",
        });
        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => host.Counter($"idle-{i}").Add(i, "only")));
        host.Catalog.Count.ShouldBeGreaterThan(0);

        var left = await Eventually.ReturnsAsync(() => Task.FromResult(host.Catalog.Count), count => count == 0, TimeSpan.FromSeconds(5));

        left.ShouldBe(0);
        (await host.Counter("idle-7").ReadValue()).ShouldBe(7);
        (await host.Counter("idle-7").Add(1, "again")).ShouldBe(8);
    }

    [Fact]
    public async Task The_cap_on_live_activations_bounds_how_many_stay_in_memory()
    {
        await using var host = await GrainTestHost.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Grains:MaxActivations"] = "20",
        });

        var highest = 0;
        for (var i = 1; i <= 200; i++)
        {
            await host.Counter($"capped-{i}").Add(i, "only");
            highest = Math.Max(highest, host.Catalog.Count);
        }

        var settled = await Eventually.ReturnsAsync(() => Task.FromResult(host.Catalog.Count), count => count <= 20, TimeSpan.FromSeconds(5));

        settled.ShouldBeLessThanOrEqualTo(20);
        highest.ShouldBeLessThan(200, "the collector runs as soon as the cap is passed, not only on its timer");
        (await host.Counter("capped-3").ReadValue()).ShouldBe(3);
    }
}
