using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Sends queued stock changes to each POS, a batch at a time. A batch that fails stays queued as it is
/// and is tried again later, so nothing is lost while a POS is down.
/// </summary>
internal sealed partial class PushWorker(
    PosPushes pushes,
    PosConnectionStore connections,
    PosConnectors connectors,
    IOptions<ConnectorOptions> options,
    ILogger<PushWorker> logger) : BackgroundService
{
    /// <summary>Pushes what is due now for every connection; returns how many batches were sent.</summary>
    public async Task<int> PushDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var connectionId in await pushes.ConnectionsWithWorkAsync(cancellationToken))
        {
            var connection = await connections.FindAsync(connectionId, cancellationToken);
            if (connection is null || connectors.Find(connection.Kind) is not { } connector)
            {
                continue;
            }

            while (await pushes.TakeBatchAsync(connectionId, options.Value.Lease, cancellationToken) is { } batch)
            {
                if (!await TryPushAsync(connection, connector, batch, cancellationToken))
                {
                    break;
                }

                sent++;
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pushes.Queued.WaitAsync(options.Value.WorkInterval, stoppingToken);
                await PushDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
            {
                LogWorkFailed(exception.Message);
            }
        }
    }

    private async Task<bool> TryPushAsync(PosConnection connection, IPosConnector connector, PushBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var outcomes = await connector.PushAsync(connection, batch, cancellationToken);
            await pushes.CompleteAsync(outcomes, cancellationToken);
            await connections.RecordPushAsync(connection.ConnectionId, cancellationToken);
            if (outcomes.Count < batch.Pushes.Count)
            {
                // What got no outcome stays in its batch for a later try.
                await pushes.FailAsync(batch.Key, "Part of the batch could not be sent.", RetryDelay.After(batch.Attempts, options.Value), CancellationToken.None);
                return false;
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            LogPushFailed(batch.Pushes.Count, connection.ConnectionId, error);
            await pushes.FailAsync(batch.Key, error, RetryDelay.After(batch.Attempts, options.Value), CancellationToken.None);
            await connections.RecordErrorAsync(connection.ConnectionId, $"Pushing {batch.Pushes.Count} changes: {error}", CancellationToken.None);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Count} stock changes to connection {ConnectionId} failed, retrying later: {Error}")]
    private partial void LogPushFailed(int count, string connectionId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking pushes failed: {Reason}")]
    private partial void LogWorkFailed(string reason);
}
