using MakeTheChange.Hub.Storage.Embedded;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Storage.Embedded;

public sealed class PostgresBinariesTests
{
    [Fact]
    public async Task A_configured_bin_folder_without_the_server_programs_fails_with_a_message_that_names_them_and_the_fix()
    {
        using var folder = new ScratchFolder();
        var missingBin = folder.Combine("no-such-bin");
        var options = new EmbeddedPostgresOptions { DataDirectory = folder.Combine("cluster"), BinDirectory = missingBin };

        var failure = await Should.ThrowAsync<EmbeddedPostgresException>(
            () => EmbeddedPostgresCluster.StartAsync(options, new RecordingLogger(), CancellationToken.None));

        failure.Message.ShouldContain("initdb");
        failure.Message.ShouldContain("pg_ctl");
        failure.Message.ShouldContain(missingBin);
        failure.Message.ShouldContain("apt-get install postgresql");
        failure.Message.ShouldContain("Hub:EmbeddedDatabase:BinDirectory");
        failure.Message.ShouldContain("ConnectionStrings:Hub");
        Directory.Exists(options.DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public void Searching_a_machine_without_the_server_programs_names_every_place_it_looked()
    {
        using var folder = new ScratchFolder();
        var installRoot = folder.Combine("usr-lib-postgresql");
        var clientOnly = Path.Combine(installRoot, "16", "bin");
        Directory.CreateDirectory(clientOnly);
        File.WriteAllText(Path.Combine(clientOnly, "psql"), "");
        var pathFolder = folder.Combine("path-bin");
        Directory.CreateDirectory(pathFolder);

        var failure = Should.Throw<EmbeddedPostgresException>(
            () => PostgresBinaries.Locate(null, installRoot, pathFolder));

        failure.Message.ShouldContain("initdb, pg_ctl");
        failure.Message.ShouldContain(installRoot + "/*/bin");
        failure.Message.ShouldContain(pathFolder);
        failure.Message.ShouldContain("apt-get install postgresql");
    }

    [Fact]
    public void Searching_prefers_the_highest_installed_version_that_holds_the_server_programs()
    {
        using var folder = new ScratchFolder();
        var installRoot = folder.Combine("usr-lib-postgresql");
        foreach (var version in new[] { "9.6", "13", "15" })
        {
            var bin = Path.Combine(installRoot, version, "bin");
            Directory.CreateDirectory(bin);
            File.WriteAllText(Path.Combine(bin, "initdb"), "");
            File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
        }

        Directory.CreateDirectory(Path.Combine(installRoot, "17", "bin"));

        PostgresBinaries.Locate(null, installRoot, null).BinDirectory.ShouldBe(Path.Combine(installRoot, "15", "bin"));
    }
}
