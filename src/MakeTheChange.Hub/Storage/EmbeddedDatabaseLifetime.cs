using MakeTheChange.Hub.Storage.Embedded;
using Microsoft.Extensions.Hosting;

namespace MakeTheChange.Hub.Storage;

/// <summary>Stops the embedded PostgreSQL server when the hub stops, after everything that uses it.</summary>
internal sealed class EmbeddedDatabaseLifetime(EmbeddedPostgresCluster cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync(cancellationToken);
}
