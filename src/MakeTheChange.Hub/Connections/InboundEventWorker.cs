using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Processes stored webhook events: each connection in its own lane, its events in the order they
/// fell due (the order they arrived, unless retried or deferred), a batch at a time; lanes of different connections run side by side (up to
/// <see cref="ConnectorOptions.MaxConcurrentConnections"/>), so a slow POS never holds back another one.
/// A failed event is retried with a growing delay.
/// </summary>
internal sealed partial class InboundEventWorker : BackgroundService
{
    private const int BatchSize = 200;

    // A deferred event's lane is woken this long after it is due again, so that the database finds it due.
    private static readonly TimeSpan DueMargin = TimeSpan.FromMilliseconds(20);

    private readonly InboundEventInbox _inbox;
    private readonly PosConnectionStore _connections;
    private readonly PosConnectors _connectors;
    private readonly IOptions<ConnectorOptions> _options;
    private readonly ILogger<InboundEventWorker> _logger;
    private readonly SemaphoreSlim _turns;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private CancellationToken _stopping;

    public InboundEventWorker(
        InboundEventInbox inbox,
        PosConnectionStore connections,
        PosConnectors connectors,
        IOptions<ConnectorOptions> options,
        ILogger<InboundEventWorker> logger)
    {
        (_inbox, _connections, _connectors, _options, _logger) = (inbox, connections, connectors, options, logger);
        var turns = Math.Max(1, options.Value.MaxConcurrentConnections);
        _turns = new SemaphoreSlim(turns, turns);
    }

    public override void Dispose()
    {
        _turns.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        _inbox.Stored = Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Events stored on this node wake their lane at once. This finds the others: retries and
                    // deferred events now due, leases that ran out, events another node stored.
                    foreach (var connectionId in await _inbox.ConnectionsWithDueEventsAsync(stoppingToken))
                    {
                        Wake(connectionId);
                    }

                    await Task.Delay(_options.Value.WorkInterval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
                {
                    LogWorkFailed(exception.Message);
                    await Task.Delay(_options.Value.WorkInterval, stoppingToken);
                }
            }
        }
        finally
        {
            _inbox.Stored = null;
            Task[] running;
            lock (_gate)
            {
                running = [.. _lanes.Values.Select(lane => lane.Running)];
            }

            await Task.WhenAll(running);
        }
    }

    /// <summary>Makes sure the connection's lane runs: starts it, or tells the running one that more arrived.</summary>
    private void Wake(string connectionId)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(connectionId, out var lane))
            {
                lane.MoreArrived = true;
                return;
            }

            lane = new Lane();
            _lanes.Add(connectionId, lane);
            lane.Running = Task.Run(() => RunLaneAsync(connectionId, lane, _stopping), CancellationToken.None);
        }
    }

    private async Task RunLaneAsync(string connectionId, Lane lane, CancellationToken stoppingToken)
    {
        try
        {
            await _turns.WaitAsync(stoppingToken);
            try
            {
                while (true)
                {
                    lock (_gate)
                    {
                        lane.MoreArrived = false;
                    }

                    var taken = await ProcessDueAsync(connectionId, stoppingToken);
                    lock (_gate)
                    {
                        if (taken < BatchSize && !lane.MoreArrived)
                        {
                            _lanes.Remove(connectionId);
                            return;
                        }
                    }
                }
            }
            finally
            {
                _turns.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was taken and not finished goes back when its lease ends.
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogWorkFailed(exception.Message);
        }
        finally
        {
            lock (_gate)
            {
                if (_lanes.TryGetValue(connectionId, out var current) && current == lane)
                {
                    _lanes.Remove(connectionId);
                }
            }
        }
    }

    /// <summary>Processes one batch of the connection's events due now; returns how many were taken.</summary>
    private async Task<int> ProcessDueAsync(string connectionId, CancellationToken cancellationToken)
    {
        var events = await _inbox.TakeAsync(connectionId, BatchSize, _options.Value.Lease, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var connection = await _connections.FindAsync(connectionId, cancellationToken);
        var connector = connection is null ? null : _connectors.Find(connection.Kind);
        if (connection is null || connector is null)
        {
            // The connection was deleted or its connector is not installed: nothing can process its events.
            await _inbox.MarkFailedAsync([.. events.Select(inbound => (inbound.Id, "No connector for this connection.", _options.Value.MaxRetryDelay))], cancellationToken);
            return events.Count;
        }

        var batch = new InboundEventBatch(events);

        try
        {
            await connector.ProcessEventsAsync(connection, batch, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            foreach (var inbound in events)
            {
                batch.Fail(inbound, error);
            }
        }

        await CompleteAsync(connection, batch);
        return events.Count;
    }

    /// <summary>Records what became of each event of the batch.</summary>
    private async Task CompleteAsync(PosConnection connection, InboundEventBatch batch)
    {
        var (deferred, failed) = (batch.Deferred, batch.Failed);
        var processed = batch.Events.Where(inbound => !deferred.ContainsKey(inbound.Id) && !failed.ContainsKey(inbound.Id)).Select(inbound => inbound.Id).ToList();
        if (processed.Count > 0)
        {
            await _inbox.MarkProcessedAsync(processed, CancellationToken.None);
        }

        foreach (var group in deferred.GroupBy(pair => pair.Value, pair => pair.Key))
        {
            await _inbox.DeferAsync([.. group], group.Key, CancellationToken.None);
        }

        if (deferred.Count > 0)
        {
            WakeLater(connection.ConnectionId, deferred.Values.Min() + DueMargin);
        }

        if (failed.Count > 0)
        {
            var failedEvents = batch.Events.Where(inbound => failed.ContainsKey(inbound.Id)).ToList();
            await _inbox.MarkFailedAsync(
                [.. failedEvents.Select(inbound => (inbound.Id, failed[inbound.Id], RetryDelay.After(inbound.Attempts, _options.Value)))],
                CancellationToken.None);
            var first = failedEvents[0];
            var more = failed.Count > 1 ? $" (and {failed.Count - 1} more events)" : string.Empty;
            LogEventsFailed(first.EventType, first.EventId, more, connection.ConnectionId, failed[first.Id]);
            await _connections.RecordErrorAsync(connection.ConnectionId, $"Processing {first.EventType} {first.EventId}{more}: {failed[first.Id]}", CancellationToken.None);
        }
    }

    private void WakeLater(string connectionId, TimeSpan wait)
    {
        _ = Task.Delay(wait, _stopping).ContinueWith(
            (delay, state) =>
            {
                if (delay.IsCompletedSuccessfully)
                {
                    Wake((string)state!);
                }
            },
            connectionId,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {EventType} {EventId}{More} of connection {ConnectionId} failed, retrying later: {Error}")]
    private partial void LogEventsFailed(string eventType, string eventId, string more, string connectionId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking inbound events failed: {Reason}")]
    private partial void LogWorkFailed(string reason);

    /// <summary>A connection's lane: the task working through its events, and whether more arrived meanwhile.</summary>
    private sealed class Lane
    {
        public Task Running { get; set; } = Task.CompletedTask;

        public bool MoreArrived { get; set; }
    }
}
