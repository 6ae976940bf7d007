using Npgsql;

namespace MakeTheChange.Baseline.Schema;

/// <summary>
/// Creates the tables before the server starts listening: hosted services start before Kestrel in a
/// <see cref="WebApplication"/>, so a 200 from <c>/health/live</c> means the load generator may seed.
/// </summary>
internal sealed class BaselineSchemaService(NpgsqlDataSource dataSource) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(BaselineSchema.Sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
