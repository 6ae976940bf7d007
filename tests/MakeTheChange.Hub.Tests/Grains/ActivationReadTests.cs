using Shouldly;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>Activations that start at the same moment load their states together, in a few reads rather than one each.</summary>
public sealed class ActivationReadTests
{
    [Fact]
    public async Task Grains_activated_together_load_their_states_in_a_few_shared_reads()
    {
        string connectionString;
        await using (var writer = await GrainTestHost.StartAsync())
        {
            connectionString = writer.ConnectionString;
            await Task.WhenAll(Enumerable.Range(1, 200).Select(i => writer.Counter($"cold-{i}").Add(i, "seed")));
        }

        await using var host = await GrainTestHost.StartAsync(connectionString);
        var values = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => host.Counter($"cold-{i}").ReadValue()));

        values.ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i));
        host.Storage.Reads.ShouldBeLessThanOrEqualTo(50, "200 grains activated at once should share their reads");
    }

    [Fact]
    public async Task A_grain_whose_state_cannot_be_read_fails_alone_not_the_grains_it_shared_a_read_with()
    {
        await using var host = await GrainTestHost.StartAsync();
        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => host.Counter($"fine-{i}").Add(i, "seed")));
        await using var fresh = await GrainTestHost.StartAsync(host.ConnectionString);
        fresh.Storage.ReadDelay = TimeSpan.FromMilliseconds(100);

        // The first reads take a while, so the unreadable grain queues among fine ones and shares their next read.
        var fine = Enumerable.Range(1, 15).Select(i => fresh.Counter($"fine-{i}").ReadValue()).ToList();
        var unreadable = fresh.Counter($"{CounterStorage.UnreadablePrefix}-1").ReadValue();
        fine.AddRange(Enumerable.Range(16, 15).Select(i => fresh.Counter($"fine-{i}").ReadValue()));

        (await Task.WhenAll(fine)).ShouldBe(Enumerable.Range(1, 30).Select(i => (long)i));
        await Should.ThrowAsync<FormatException>(unreadable);
    }
}
