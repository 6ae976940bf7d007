using System.Collections.Concurrent;
using System.Globalization;
using MakeTheChange.Grains.Activation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MakeTheChange.Grains.Cluster;

/// <summary>
/// What one hub node hears of the others through PostgreSQL LISTEN/NOTIFY: which grains they wrote
/// (so a local activation reloads before it answers), that they are alive, and when outbox messages
/// were written. A notification is only a hint; the stored version stays the truth.
/// </summary>
/// <remarks>
/// Notifications arrive a moment after the commit they describe. When other nodes are alive, a call
/// first waits for a <see cref="BarrierAsync">barrier</see>: this node notifies itself and waits to hear
/// it back. NOTIFY delivers in commit order, so by then every write committed before the call arrived
/// has been heard of. A lone node skips that round trip.
/// </remarks>
internal sealed partial class ClusterSignals(
    NpgsqlDataSource dataSource,
    NodeIdentity node,
    GrainCatalog catalog,
    IOptions<GrainRuntimeOptions> options,
    ILogger<ClusterSignals> logger) : BackgroundService
{
    private static readonly TimeSpan BarrierTimeout = TimeSpan.FromSeconds(5);

    private readonly GrainRuntimeOptions _options = options.Value;
    private readonly ConcurrentDictionary<long, BarrierRound> _roundsInFlight = new();
    private readonly Lock _barrierGate = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BarrierRound _openRound = new(1);
    private bool _barrierInFlight;
    private long _lastPeerSeen = long.MinValue / 2;
    private volatile bool _connected;

    /// <summary>Whether another node was heard of recently (its heartbeat or its writes).</summary>
    public bool PeersPresent =>
        Environment.TickCount64 - Interlocked.Read(ref _lastPeerSeen) < 3 * (long)_options.HeartbeatInterval.TotalMilliseconds;

    /// <summary>Released when some node wrote outbox messages.</summary>
    public WakeSignal OutboxWritten { get; } = new();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);

        // Listen before serving anything, so no write of another node goes unheard.
        await _listening.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes once every write committed by any node before this call has been heard of.</summary>
    public Task BarrierAsync(CancellationToken cancellationToken)
    {
        if (!_connected)
        {
            throw new StorageUnavailableException("This node is not hearing the other nodes' writes (its LISTEN connection is down).");
        }

        BarrierRound round;
        var send = false;
        lock (_barrierGate)
        {
            round = _openRound;
            if (!_barrierInFlight)
            {
                _barrierInFlight = true;
                _openRound = new BarrierRound(round.Number + 1);
                send = true;
            }
            else
            {
                round.HasWaiters = true;
            }
        }

        if (send)
        {
            _ = SendBarrierAsync(round);
        }

        return round.Completion.Task.WaitAsync(BarrierTimeout, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wasConnected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => OnNotification(notification.Payload);
                await ExecuteAsync(connection, $"LISTEN {ClusterMessages.Channel}", stoppingToken);
                if (wasConnected)
                {
                    // Writes committed while this node was deaf were not heard of: trust no activation.
                    catalog.InvalidateAll();
                }

                wasConnected = _connected = true;
                await NotifyAsync(connection, ClusterMessages.Hello(node.Id), stoppingToken);
                _listening.TrySetResult();
                var nextHeartbeat = Environment.TickCount64 + (long)_options.HeartbeatInterval.TotalMilliseconds;
                while (true)
                {
                    var wait = Math.Max(1, nextHeartbeat - Environment.TickCount64);
                    await connection.WaitAsync(TimeSpan.FromMilliseconds(wait), stoppingToken);
                    if (Environment.TickCount64 >= nextHeartbeat)
                    {
                        await NotifyAsync(connection, ClusterMessages.Hello(node.Id), stoppingToken);
                        nextHeartbeat = Environment.TickCount64 + (long)_options.HeartbeatInterval.TotalMilliseconds;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                _connected = false;
                FailRoundsInFlight(exception);
                LogListenFailed(exception.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        _connected = false;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, string payload, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_notify('{ClusterMessages.Channel}', $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task SendBarrierAsync(BarrierRound round)
    {
        _roundsInFlight[round.Number] = round;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();

            // The barrier needs ordering, not durability: its commit need not wait for the WAL flush.
            await using var command = new NpgsqlCommand(
                $"SELECT set_config('synchronous_commit', 'off', true), pg_notify('{ClusterMessages.Channel}', $1)",
                connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterMessages.Barrier(node.Id, round.Number) });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            _roundsInFlight.TryRemove(round.Number, out _);
            round.Completion.TrySetException(new StorageUnavailableException("The database is unreachable.", exception));
            EndBarrier();
        }
    }

    private void OnNotification(string payload)
    {
        if (!ClusterMessages.TryParse(payload, out var kind, out var sender, out var body))
        {
            return;
        }

        var fromPeer = !string.Equals(sender, node.Id, StringComparison.Ordinal);
        if (fromPeer)
        {
            Interlocked.Exchange(ref _lastPeerSeen, Environment.TickCount64);
        }

        switch (kind)
        {
            case 'w' when fromPeer:
                foreach (var (id, version) in ClusterMessages.ParseWrites(body))
                {
                    catalog.Invalidate(id, version);
                }

                break;

            case 'b' when !fromPeer && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                if (_roundsInFlight.TryRemove(number, out var round))
                {
                    round.Completion.TrySetResult();
                    EndBarrier();
                }

                break;

            case 'o':
                OutboxWritten.Wake();
                break;
        }
    }

    private void EndBarrier()
    {
        BarrierRound? next = null;
        lock (_barrierGate)
        {
            if (_openRound.HasWaiters)
            {
                next = _openRound;
                _openRound = new BarrierRound(next.Number + 1);
            }
            else
            {
                _barrierInFlight = false;
            }
        }

        if (next is not null)
        {
            _ = SendBarrierAsync(next);
        }
    }

    private void FailRoundsInFlight(Exception exception)
    {
        foreach (var number in _roundsInFlight.Keys)
        {
            if (_roundsInFlight.TryRemove(number, out var round))
            {
                round.Completion.TrySetException(new StorageUnavailableException("The database is unreachable.", exception));
            }
        }

        lock (_barrierGate)
        {
            _barrierInFlight = false;
            if (_openRound.HasWaiters)
            {
                _openRound.Completion.TrySetException(new StorageUnavailableException("The database is unreachable.", exception));
                _openRound = new BarrierRound(_openRound.Number + 1);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other hub nodes failed, reconnecting: {Reason}")]
    private partial void LogListenFailed(string reason);

    private sealed class BarrierRound(long number)
    {
        public long Number { get; } = number;

        public bool HasWaiters { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
