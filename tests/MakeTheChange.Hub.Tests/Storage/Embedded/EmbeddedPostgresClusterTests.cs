using System.Runtime.Versioning;
using Npgsql;
using Xunit.Abstractions;
using static MakeTheChange.Hub.Tests.Storage.Embedded.ClusterSql;
using static MakeTheChange.Hub.Tests.Storage.Embedded.TestClusters;

using MakeTheChange.Hub.Storage.Embedded;
using Shouldly;

namespace MakeTheChange.Hub.Tests.Storage.Embedded;

// The cluster runs real PostgreSQL server programs, which these tests expect on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class EmbeddedPostgresClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_fresh_cluster_answers_queries_and_keeps_what_is_written()
    {
        using var folder = new ScratchFolder();
        var logger = new RecordingLogger();
        await using var cluster = await StartAsync(folder.Path, logger);
        foreach (var line in logger.Lines)
        {
            output.WriteLine(line);
        }

        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        builder.Host.ShouldBe("127.0.0.1");
        builder.Port.ShouldBe(cluster.Port);
        builder.Database.ShouldBe("makethechange");
        cluster.DataDirectory.ShouldBe(folder.Path);

        await using var connection = await OpenAsync(cluster.ConnectionString);
        (await ScalarAsync(connection, "SELECT 1")).ShouldBe(1);
        (await ScalarAsync(connection, "SHOW fsync")).ShouldBe("off");
        (await ScalarAsync(connection, "SHOW listen_addresses")).ShouldBe("127.0.0.1");
        await ExecuteAsync(connection, "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)");
        await ExecuteAsync(connection, "INSERT INTO notes VALUES (1, 'héllo wörld')");
        (await ScalarAsync(connection, "SELECT body FROM notes WHERE id = 1")).ShouldBe("héllo wörld");
    }

    [Fact]
    public async Task Starting_again_over_the_same_folder_keeps_the_data_and_does_not_run_initdb_again()
    {
        using var folder = new ScratchFolder();
        var firstLogger = new RecordingLogger();
        string firstConnectionString;
        int firstPort;
        object? firstSystemIdentifier;
        await using (var first = await StartAsync(folder.Path, firstLogger))
        {
            firstConnectionString = first.ConnectionString;
            firstPort = first.Port;
            await using var connection = await OpenAsync(first.ConnectionString);
            firstSystemIdentifier = await ScalarAsync(connection, "SELECT system_identifier FROM pg_control_system()");
            await ExecuteAsync(connection, "CREATE TABLE kept (value text)");
            await ExecuteAsync(connection, "INSERT INTO kept VALUES ('still here')");
        }

        firstLogger.Lines.ShouldContain(line => line.Contains("Creating a PostgreSQL cluster", StringComparison.Ordinal));
        File.Exists(Path.Combine(folder.Path, "data", "postmaster.pid")).ShouldBeFalse();

        var secondLogger = new RecordingLogger();
        await using var second = await StartAsync(folder.Path, secondLogger);

        secondLogger.Lines.ShouldNotContain(line => line.Contains("Creating a PostgreSQL cluster", StringComparison.Ordinal));
        second.Port.ShouldBe(firstPort);
        second.ConnectionString.ShouldBe(firstConnectionString);
        await using var reopened = await OpenAsync(second.ConnectionString);
        (await ScalarAsync(reopened, "SELECT system_identifier FROM pg_control_system()")).ShouldBe(firstSystemIdentifier);
        (await ScalarAsync(reopened, "SELECT value FROM kept")).ShouldBe("still here");
    }

    [Fact]
    public async Task The_credentials_file_is_private_and_the_password_appears_in_no_error_or_log()
    {
        using var folder = new ScratchFolder();
        var logger = new RecordingLogger();
        var broken = Options(folder.Path);
        broken.ServerSettings["no_such_setting"] = "1";

        var startFailure = await Should.ThrowAsync<EmbeddedPostgresException>(
            () => EmbeddedPostgresCluster.StartAsync(broken, logger, CancellationToken.None));

        var credentialsFile = Path.Combine(folder.Path, "credentials");
        File.GetUnixFileMode(credentialsFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var password = File.ReadAllLines(credentialsFile).Single(line => line.StartsWith("password=", StringComparison.Ordinal))["password=".Length..];
        password.Length.ShouldBeGreaterThanOrEqualTo(32);
        startFailure.Message.ShouldContain("no_such_setting");
        startFailure.ToString().ShouldNotContain(password);

        await using var cluster = await StartAsync(folder.Path, logger);
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Password.ShouldBe(password);
        cluster.ToString().ShouldNotContain(password);

        var queryFailure = await Should.ThrowAsync<PostgresException>(
            async () => await OpenAsync(cluster.ConnectionStringFor("no_such_database")));
        queryFailure.SqlState.ShouldBe("3D000");
        queryFailure.ToString().ShouldNotContain(password);

        logger.Lines.ShouldNotBeEmpty();
        logger.Lines.ShouldAllBe(line => !line.Contains(password, StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(folder.Path, "postgres.log")).ShouldNotContain(password);
        Directory.GetFiles(Path.Combine(folder.Path, "run")).ShouldAllBe(file => !file.Contains("password", StringComparison.Ordinal));
    }
}
