using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub.Storage;

/// <summary>
/// Brings the schema up to date before anything else starts. A database that is not reachable yet
/// (a container still starting) is waited for, up to a minute, then the start fails with the reason.
/// </summary>
internal sealed partial class DatabaseMigrationService(DatabaseMigrator migrator, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan WaitForDatabase = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = DateTimeOffset.UtcNow + WaitForDatabase;
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception is not PostgresException && DateTimeOffset.UtcNow < giveUpAt)
            {
                LogWaitingForDatabase(exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the database: {Reason}")]
    private partial void LogWaitingForDatabase(string reason);
}
