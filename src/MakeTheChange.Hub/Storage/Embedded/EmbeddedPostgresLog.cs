using Microsoft.Extensions.Logging;

namespace MakeTheChange.Hub.Storage.Embedded;

internal static partial class EmbeddedPostgresLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Creating a PostgreSQL cluster in {DataDirectory} with the server programs in {BinDirectory}")]
    public static partial void InitializingCluster(ILogger logger, string dataDirectory, string binDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the PostgreSQL server in {DataDirectory} on 127.0.0.1:{Port}")]
    public static partial void StartingServer(ILogger logger, string dataDirectory, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "A PostgreSQL server is already running in {DataDirectory} on 127.0.0.1:{Port}; using it")]
    public static partial void AdoptingServer(ILogger logger, string dataDirectory, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Port {RequestedPort} was asked for, but the server already running in {DataDirectory} listens on {Port}")]
    public static partial void AdoptedOnOtherPort(ILogger logger, int requestedPort, string dataDirectory, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL cluster in {DataDirectory} is ready on 127.0.0.1:{Port}, database {Database} ({ElapsedMilliseconds} ms)")]
    public static partial void ClusterReady(ILogger logger, string dataDirectory, int port, string database, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void CreatedDatabase(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database {Database} was created concurrently by another client")]
    public static partial void DatabaseCreatedConcurrently(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the PostgreSQL server in {DataDirectory}")]
    public static partial void StoppingServer(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the PostgreSQL server in {DataDirectory}")]
    public static partial void StoppedServer(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No PostgreSQL server was running in {DataDirectory}")]
    public static partial void ServerNotRunning(ILogger logger, string dataDirectory);
}
