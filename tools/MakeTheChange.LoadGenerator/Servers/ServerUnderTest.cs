using System.Security.Cryptography;
using MakeTheChange.LoadGenerator.Http;
using MakeTheChange.LoadGenerator.Measurement;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Servers;

/// <summary>The hub or the baseline, as one or more processes over a fresh database of the benchmark's PostgreSQL.</summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly BenchmarkPostgres _postgres;
    private readonly string _connectionString;

    private ServerUnderTest(TargetKind kind, BenchmarkPostgres postgres, string database, string connectionString, string apiKey)
    {
        Kind = kind;
        _postgres = postgres;
        _connectionString = connectionString;
        DatabaseName = database;
        Database = NpgsqlDataSource.Create(connectionString);
        ApiKey = apiKey;
    }

    public TargetKind Kind { get; }

    public string DatabaseName { get; }

    public NpgsqlDataSource Database { get; }

    public string ApiKey { get; }

    public List<ServerProcess> Nodes { get; } = [];

    public static async Task<ServerUnderTest> StartAsync(
        TargetKind kind,
        BenchmarkPostgres postgres,
        string database,
        int nodes,
        IReadOnlyDictionary<string, string>? settings,
        CancellationToken cancellationToken)
    {
        var connectionString = await postgres.CreateDatabaseAsync(database, cancellationToken);
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var target = new ServerUnderTest(kind, postgres, database, connectionString, apiKey);
        try
        {
            for (var node = 0; node < nodes; node++)
            {
                await target.StartNodeAsync(settings);
            }
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }

        return target;
    }

    public HttpRequestBytes Requests(int node) => new(Nodes[node].Endpoint.ToString(), ApiKey);

    /// <summary>CPU time spent so far by the server processes and by PostgreSQL.</summary>
    public (TimeSpan Servers, TimeSpan Postgres) Cpu() =>
        (Nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + ProcessCpu.OfProcess(node.Pid)), ProcessCpu.OfPostgres(_postgres.PostmasterPid));

    public async Task StartNodeAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Kind == TargetKind.Hub)
        {
            environment["ConnectionStrings:Hub"] = _connectionString;
            environment["Hub:AdminApiKey"] = ApiKey;
        }
        else
        {
            // The hub's own pool size (HubDataSource): both designs get the same number of connections.
            environment["ConnectionStrings:Baseline"] = _connectionString + ";Maximum Pool Size=40";
            environment["Baseline:AdminApiKey"] = ApiKey;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            environment[key] = value;
        }

        Nodes.Add(await ServerProcess.StartAsync(
            Kind == TargetKind.Hub ? RepositoryLayout.HubHost : RepositoryLayout.Baseline,
            environment,
            ApiKey,
            Kind == TargetKind.Hub ? "/health/ready" : "/health/live"));
    }

    public async Task StopNodesAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        Nodes.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopNodesAsync();
        await Database.DisposeAsync();
        await _postgres.DropDatabaseAsync(DatabaseName, CancellationToken.None);
    }
}
