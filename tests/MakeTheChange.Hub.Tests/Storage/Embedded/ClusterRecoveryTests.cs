using System.Runtime.Versioning;
using Xunit.Abstractions;
using static MakeTheChange.Hub.Tests.Storage.Embedded.ClusterSql;
using static MakeTheChange.Hub.Tests.Storage.Embedded.TestClusters;

using MakeTheChange.Hub.Storage.Embedded;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Storage.Embedded;

// A class of its own so xunit runs these beside the other cluster tests.
[UnsupportedOSPlatform("windows")]
public sealed class ClusterRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_cluster_left_running_by_a_previous_owner_is_adopted_and_usable()
    {
        using var folder = new ScratchFolder();
        await using var previousOwner = await StartAsync(folder.Path);
        await using (var setup = await OpenAsync(previousOwner.ConnectionString))
        {
            await ExecuteAsync(setup, "CREATE TABLE left_behind (value int)");
            await ExecuteAsync(setup, "INSERT INTO left_behind VALUES (42)");
        }

        var logger = new RecordingLogger();
        await using var adopter = await StartAsync(folder.Path, logger);

        logger.Lines.ShouldContain(line => line.Contains("already running", StringComparison.Ordinal));
        adopter.Port.ShouldBe(previousOwner.Port);
        await using (var connection = await OpenAsync(adopter.ConnectionString))
        {
            (await ScalarAsync(connection, "SELECT value FROM left_behind")).ShouldBe(42);
        }

        await adopter.StopAsync(CancellationToken.None);
        File.Exists(Path.Combine(folder.Path, "data", "postmaster.pid")).ShouldBeFalse();

        // The previous owner finds the server already stopped; stopping stays harmless, also when repeated.
        await previousOwner.StopAsync(CancellationToken.None);
        await previousOwner.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_owners_starting_the_same_folder_at_once_share_one_server()
    {
        using var folder = new ScratchFolder();
        var clusters = await Task.WhenAll(StartAsync(folder.Path), StartAsync(folder.Path));
        await using var first = clusters[0];
        await using var second = clusters[1];

        second.Port.ShouldBe(first.Port);
        second.ConnectionString.ShouldBe(first.ConnectionString);
        await using var connection = await OpenAsync(second.ConnectionString);
        (await ScalarAsync(connection, "SELECT current_database()")).ShouldBe("makethechange");
    }

    [Theory]
    [InlineData(20)]
    [InlineData(150)]
    [InlineData(400)]
    public async Task A_start_cancelled_part_way_leaves_a_folder_that_the_next_start_completes(int cancelAfterMilliseconds)
    {
        using var folder = new ScratchFolder();
        using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(cancelAfterMilliseconds)))
        {
            // The start may also finish before the cancellation comes; either outcome must leave a usable folder.
            var outcome = await Record.ExceptionAsync(async () =>
            {
                await using var finishedAnyway = await EmbeddedPostgresCluster.StartAsync(Options(folder.Path), new RecordingLogger(), cancellation.Token);
            });
            output.WriteLine(outcome?.ToString() ?? "the start finished before the cancellation");
            if (outcome is not null)
            {
                outcome.ShouldBeAssignableTo<OperationCanceledException>();
            }
        }

        await using var cluster = await StartAsync(folder.Path);
        await using var connection = await OpenAsync(cluster.ConnectionString);
        (await ScalarAsync(connection, "SELECT 1")).ShouldBe(1);
    }
}
