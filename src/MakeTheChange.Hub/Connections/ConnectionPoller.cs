using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// The safety net under webhooks: polls every connection on a schedule, and reconciles its counts less
/// often. Every node runs it; what it finds is applied through idempotent commands, so twice is harmless.
/// </summary>
internal sealed partial class ConnectionPoller(
    PosConnectionStore connections,
    PosConnectors connectors,
    IOptions<ConnectorOptions> options,
    TimeProvider clock,
    ILogger<ConnectionPoller> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _lastReconciled = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PollAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollAllAsync(CancellationToken cancellationToken)
    {
        List<PosConnection> all;
        try
        {
            all = await connections.ListAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogPollFailed("*", exception.Message);
            return;
        }

        foreach (var connection in all)
        {
            if (connectors.Find(connection.Kind) is not { } connector)
            {
                continue;
            }

            try
            {
                await connector.PollAsync(connection, cancellationToken);
                await connections.RecordPollAsync(connection.ConnectionId, cancellationToken);
                // The first scheduled reconciliation comes one interval after this node first sees the connection.
                var now = clock.GetUtcNow();
                var last = _lastReconciled.TryGetValue(connection.ConnectionId, out var seen) ? seen : _lastReconciled[connection.ConnectionId] = now;
                if (now - last >= options.Value.ReconcileInterval)
                {
                    _lastReconciled[connection.ConnectionId] = now;
                    await connector.ReconcileAsync(connection, cancellationToken);
                    await connections.RecordReconciledAsync(connection.ConnectionId, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPollFailed(connection.ConnectionId, exception.Message);
                await connections.RecordErrorAsync(connection.ConnectionId, $"Polling: {exception.GetType().Name}: {exception.Message}", CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling connection {ConnectionId} failed: {Reason}")]
    private partial void LogPollFailed(string connectionId, string reason);
}
