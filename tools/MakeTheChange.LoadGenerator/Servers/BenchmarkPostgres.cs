using System.Globalization;
using MakeTheChange.Hub.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster with the server's defaults for durability (fsync and synchronous
/// commit on), shared by the hub and the baseline: each run gets a database of its own.
/// </summary>
internal sealed class BenchmarkPostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster _cluster;
    private readonly string _directory;

    private BenchmarkPostgres(EmbeddedPostgresCluster cluster, string directory, int postmasterPid)
    {
        _cluster = cluster;
        _directory = directory;
        PostmasterPid = postmasterPid;
    }

    public int PostmasterPid { get; }

    public static async Task<BenchmarkPostgres> StartAsync(bool statementStatistics, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"mtc-load-{Guid.NewGuid():N}");
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = directory,
            DatabaseName = "postgres",
            ServerSettings = { ["max_connections"] = "300", ["shared_buffers"] = "512MB" },
        };
        if (statementStatistics)
        {
            options.ServerSettings["shared_preload_libraries"] = "pg_stat_statements";
        }

        var cluster = await EmbeddedPostgresCluster.StartAsync(options, NullLogger.Instance, cancellationToken);

        // Any backend's parent is the postmaster; every backend it starts is counted as its child.
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat", cancellationToken);
        var postmaster = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        return new BenchmarkPostgres(cluster, directory, postmaster);
    }

    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return _cluster.ConnectionStringFor(name);
    }

    public Task DropDatabaseAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Files of the server account; left in the temporary folder.
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
