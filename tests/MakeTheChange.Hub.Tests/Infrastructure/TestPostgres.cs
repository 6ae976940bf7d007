using MakeTheChange.Hub.Storage;
using MakeTheChange.Hub.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started from the installed server
/// binaries the way the hub starts its embedded one, and a migrated template database from which each
/// test (or test class) gets a fresh database of its own.
/// </summary>
internal static class TestPostgres
{
    private const string Template = "hub_template";

    private static readonly Lazy<Task<EmbeddedPostgresCluster>> Cluster = new(StartAsync);
    private static int _databases;

    /// <summary>A new, migrated, empty database; its connection string.</summary>
    public static Task<string> CreateDatabaseAsync() => CreateAsync(Template);

    /// <summary>A new database without the hub's schema.</summary>
    public static Task<string> CreateBlankDatabaseAsync() => CreateAsync("template1");

    private static async Task<string> CreateAsync(string template)
    {
        var cluster = await Cluster.Value;
        var name = $"hub_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
        await command.ExecuteNonQueryAsync();
        return cluster.ConnectionStringFor(name);
    }

    private static async Task<EmbeddedPostgresCluster> StartAsync()
    {
        await AbandonedTestClusters.SweepAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"{AbandonedTestClusters.FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var cluster = await EmbeddedPostgresCluster.StartAsync(
            new EmbeddedPostgresOptions
            {
                DataDirectory = folder,
                DatabaseName = Template,
                ServerSettings = { ["max_connections"] = "400" },
            },
            NullLogger.Instance,
            CancellationToken.None);
        AbandonedTestClusters.StopWhenThisProcessEnds(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };

        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }
}
