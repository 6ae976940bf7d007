using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub.Storage.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the server programs installed on the machine.
/// Starting reuses the cluster already in <see cref="EmbeddedPostgresOptions.DataDirectory"/>, or adopts it
/// when a previous owner left it running; disposing stops the server.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string Host = "127.0.0.1";
    private const string DuplicateDatabase = "42P04";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    private readonly ClusterLayout _layout;
    private readonly ServerPrograms _programs;
    private readonly ClusterCredentials _credentials;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _stopGate = new(1, 1);

    // Pooled connections would outlive the server and fail on first use after a restart.
    private readonly ConcurrentDictionary<string, byte> _issuedConnectionStrings = new(StringComparer.Ordinal);
    private bool _stopped;

    private EmbeddedPostgresCluster(
        ClusterLayout layout, ServerPrograms programs, ClusterCredentials credentials, int port, string databaseName, ILogger logger)
    {
        _layout = layout;
        _programs = programs;
        _credentials = credentials;
        _logger = logger;
        Port = port;
        ConnectionString = ConnectionStringFor(databaseName);
    }

    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>The root folder of the cluster.</summary>
    public string DataDirectory => _layout.Root;

    public static async Task<EmbeddedPostgresCluster> StartAsync(
        EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (OperatingSystem.IsWindows())
        {
            throw new EmbeddedPostgresException(
                "The embedded PostgreSQL cluster runs on Linux and macOS only. Set ConnectionStrings:Hub to use an existing PostgreSQL server.");
        }

        options.Validate();

        var stopwatch = Stopwatch.StartNew();
        var layout = new ClusterLayout(options.DataDirectory);
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var account = ServerAccount.ForCurrentProcess();
        var programs = new ServerPrograms(binaries, account, layout);

        Directory.CreateDirectory(layout.Root);
        if (account.RunAsUser is not null)
        {
            // The server account only passes through the root folder; the credentials inside stay 0600.
            File.SetUnixFileMode(layout.Root, File.GetUnixFileMode(layout.Root) | UnixFileMode.OtherExecute);
            await account.EnsureCanReachAsync(layout.Root, cancellationToken);
        }

        using (await ClusterLock.AcquireAsync(layout.LockFile, LockTimeout, cancellationToken))
        {
            var credentials = LoadOrCreateCredentials(layout);
            await PrepareFoldersAsync(layout, account);

            if (!layout.IsInitialized)
            {
                EmbeddedPostgresLog.InitializingCluster(logger, layout.Root, binaries.BinDirectory);
                await programs.InitializeAsync(credentials, cancellationToken);
            }

            var (port, startedHere) = await StartOrAdoptServerAsync(options, layout, programs, logger, cancellationToken);
            var cluster = new EmbeddedPostgresCluster(layout, programs, credentials, port, options.DatabaseName, logger);
            try
            {
                File.WriteAllText(layout.PortFile, port.ToString(CultureInfo.InvariantCulture));
                await cluster.EnsureDatabaseAsync(options.DatabaseName, cancellationToken);
            }
            catch (Exception failure) when (startedHere)
            {
                // Nobody would own the server this call started; the lock is already held, so stop it directly.
                await StopAfterFailedStartAsync(programs, failure);
                throw;
            }

            EmbeddedPostgresLog.ClusterReady(logger, layout.Root, port, options.DatabaseName, stopwatch.ElapsedMilliseconds);
            return cluster;
        }
    }

    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = database,
            Username = _credentials.UserName,
            Password = _credentials.Password,
        }.ConnectionString;
        _issuedConnectionStrings.TryAdd(connectionString, 0);
        return connectionString;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopGate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped)
            {
                return;
            }

            foreach (var connectionString in _issuedConnectionStrings.Keys)
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }

            using (await ClusterLock.AcquireAsync(_layout.LockFile, LockTimeout, cancellationToken))
            {
                EmbeddedPostgresLog.StoppingServer(_logger, _layout.Root);
                if (await _programs.StopAsync(cancellationToken))
                {
                    EmbeddedPostgresLog.StoppedServer(_logger, _layout.Root);
                }
                else
                {
                    EmbeddedPostgresLog.ServerNotRunning(_logger, _layout.Root);
                }
            }

            _stopped = true;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    // Never shows the password, unlike ConnectionString.
    public override string ToString() =>
        $"PostgreSQL cluster in {_layout.Root} on {Host}:{Port} (user {_credentials.UserName})";

    [UnsupportedOSPlatform("windows")]
    private static ClusterCredentials LoadOrCreateCredentials(ClusterLayout layout)
    {
        if (File.Exists(layout.CredentialsFile))
        {
            return ClusterCredentials.Load(layout.CredentialsFile);
        }

        if (layout.IsInitialized)
        {
            throw new EmbeddedPostgresException(
                $"The cluster in '{layout.DataDirectory}' exists but its credentials file '{layout.CredentialsFile}' is missing, " +
                "so its password is unknown. Restore the file, or delete the folder or choose another DataDirectory to create a fresh cluster.");
        }

        return ClusterCredentials.CreateNew(layout.CredentialsFile);
    }

    [UnsupportedOSPlatform("windows")]
    private static async Task PrepareFoldersAsync(ClusterLayout layout, ServerAccount account)
    {
        // Only the server account may enter these: the run folder holds the trust-authenticated socket.
        const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(layout.DataDirectory, OwnerOnlyFolder);
        Directory.CreateDirectory(layout.RunDirectory, OwnerOnlyFolder);

        // pg_ctl appends to the log as the server account, which cannot create files in the root folder.
        if (!File.Exists(layout.LogFile))
        {
            OwnerOnlyFile.Write(layout.LogFile, "");
        }

        // Given on every start, and never cancelled, so an earlier start interrupted here cannot leave root-owned folders.
        await account.GiveOwnershipAsync([layout.DataDirectory, layout.RunDirectory, layout.LogFile], CancellationToken.None);
    }

    private static async Task<(int Port, bool StartedHere)> StartOrAdoptServerAsync(
        EmbeddedPostgresOptions options, ClusterLayout layout, ServerPrograms programs, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(layout.PostmasterPidFile) && await programs.IsRunningAsync(cancellationToken))
        {
            var runningPort = PostmasterPidFile.ReadPort(layout.PostmasterPidFile);
            EmbeddedPostgresLog.AdoptingServer(logger, layout.Root, runningPort);
            if (options.Port is int requested && requested != runningPort)
            {
                EmbeddedPostgresLog.AdoptedOnOtherPort(logger, requested, layout.Root, runningPort);
            }

            return (runningPort, false);
        }

        var port = ChoosePort(options, layout);
        EmbeddedPostgresLog.StartingServer(logger, layout.Root, port);
        await programs.StartAsync(port, options.ServerSettings);
        return (port, true);
    }

    private static int ChoosePort(EmbeddedPostgresOptions options, ClusterLayout layout)
    {
        if (options.Port is int configured)
        {
            return configured;
        }

        if (File.Exists(layout.PortFile) &&
            int.TryParse(File.ReadAllText(layout.PortFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var saved) &&
            saved is > 0 and <= System.Net.IPEndPoint.MaxPort &&
            LoopbackPort.IsFree(saved))
        {
            return saved;
        }

        return LoopbackPort.PickFree();
    }

    private static async Task StopAfterFailedStartAsync(ServerPrograms programs, Exception startFailure)
    {
        try
        {
            await programs.StopAsync(CancellationToken.None);
        }
        catch (Exception stopFailure)
        {
            throw new EmbeddedPostgresException(
                $"{startFailure.Message}{Environment.NewLine}Stopping the server afterwards failed too: {stopFailure.Message}",
                new AggregateException(startFailure, stopFailure));
        }
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        var administration = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(administration);
        await connection.OpenAsync(cancellationToken);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = database });
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }

        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            EmbeddedPostgresLog.CreatedDatabase(_logger, database);
        }
        catch (PostgresException exception) when (exception.SqlState == DuplicateDatabase)
        {
            // Another client created it between our check and CREATE DATABASE, which is the outcome we wanted.
            EmbeddedPostgresLog.DatabaseCreatedConcurrently(_logger, database);
        }
    }
}
