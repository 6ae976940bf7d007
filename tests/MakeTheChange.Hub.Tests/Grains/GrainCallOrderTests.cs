using MakeTheChange.Hub.Tests.Infrastructure;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

public sealed class GrainCallOrderTests
{
    [Fact]
    public async Task A_grain_is_activated_on_its_first_call_and_addressed_by_type_and_key()
    {
        await using var host = await GrainTestHost.StartAsync();
        host.Catalog.Count.ShouldBe(0);

        await host.Counter("a").Add(5, "a-1");
        host.Catalog.Count.ShouldBe(1);
        await host.Counter("b").Add(7, "b-1");
        await host.Counter("a").Add(1, "a-2");

        host.Catalog.Count.ShouldBe(2);
        (await host.Counter("a").ReadValue()).ShouldBe(6);
        (await host.Counter("b").ReadValue()).ShouldBe(7);
    }

    [Fact]
    public async Task Exclusive_calls_of_one_grain_run_one_at_a_time_in_arrival_order()
    {
        await using var host = await GrainTestHost.StartAsync();
        var counter = host.Counter("slow");

        // Sent without waiting, so all of them are queued while the first one runs.
        var calls = Enumerable.Range(1, 20)
            .Select(i => counter.AddSlowly(1, $"call-{i:D2}", TimeSpan.FromMilliseconds(5)))
            .ToList();
        var results = await Task.WhenAll(calls);

        host.Probe.MostAtOnce("slow").ShouldBe(1);
        results.ShouldBe(Enumerable.Range(1, 20).Select(i => (long)i));
        var journal = await Sql.ListAsync<string>(host.ConnectionString, "SELECT call_id FROM test_counter_calls WHERE counter_id = 'slow' ORDER BY seq");
        journal.ShouldBe(Enumerable.Range(1, 20).Select(i => $"call-{i:D2}"));
    }

    [Fact]
    public async Task Batched_calls_of_one_grain_apply_in_arrival_order()
    {
        await using var host = await GrainTestHost.StartAsync();
        var counter = host.Counter("ordered");

        var calls = Enumerable.Range(1, 200).Select(i => counter.Add(i, $"call-{i:D3}")).ToList();
        var results = await Task.WhenAll(calls);

        // Each call saw exactly the calls sent before it.
        results.ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i * (i + 1) / 2));
        var journal = await Sql.ListAsync<string>(host.ConnectionString, "SELECT call_id FROM test_counter_calls WHERE counter_id = 'ordered' ORDER BY seq");
        journal.ShouldBe(Enumerable.Range(1, 200).Select(i => $"call-{i:D3}"));
    }
}
