using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Connections;

/// <summary>Processes stored webhook events, in the order they arrived, retrying failures with a growing delay.</summary>
internal sealed partial class InboundEventWorker(
    InboundEventInbox inbox,
    PosConnectionStore connections,
    PosConnectors connectors,
    IOptions<ConnectorOptions> options,
    ILogger<InboundEventWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;

    /// <summary>Processes every event due now; returns how many were taken.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var events = await inbox.TakeAsync(BatchSize, options.Value.Lease, cancellationToken);
        foreach (var inbound in events)
        {
            await ProcessAsync(inbound, cancellationToken);
        }

        return events.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await inbox.Arrived.WaitAsync(options.Value.WorkInterval, stoppingToken);
                while (await ProcessDueAsync(stoppingToken) == BatchSize)
                {
                }
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

    private async Task ProcessAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await connections.FindAsync(inbound.ConnectionId, cancellationToken);
            var connector = connection is null ? null : connectors.Find(connection.Kind);
            if (connection is null || connector is null)
            {
                // The connection was deleted or its connector is not installed: nothing can process the event.
                await inbox.MarkFailedAsync(inbound.Id, "No connector for this connection.", options.Value.MaxRetryDelay, cancellationToken);
                return;
            }

            await connector.ProcessEventAsync(connection, inbound, cancellationToken);
            await inbox.MarkProcessedAsync(inbound.Id, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            LogEventFailed(inbound.EventType, inbound.EventId, inbound.ConnectionId, error);
            await inbox.MarkFailedAsync(inbound.Id, error, RetryDelay.After(inbound.Attempts, options.Value), CancellationToken.None);
            await connections.RecordErrorAsync(inbound.ConnectionId, $"Processing {inbound.EventType} {inbound.EventId}: {error}", CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {EventType} {EventId} of connection {ConnectionId} failed, retrying later: {Error}")]
    private partial void LogEventFailed(string eventType, string eventId, string connectionId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking inbound events failed: {Reason}")]
    private partial void LogWorkFailed(string reason);
}
