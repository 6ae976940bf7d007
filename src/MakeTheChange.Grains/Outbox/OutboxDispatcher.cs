using MakeTheChange.Grains.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MakeTheChange.Grains.Outbox;

/// <summary>
/// Hands committed outbox messages to their handlers. Nodes share the table through
/// <c>FOR UPDATE SKIP LOCKED</c>; a message whose handler fails is retried later with a growing delay,
/// and set aside after <see cref="MaxAttempts"/> tries with its last error kept.
/// </summary>
internal sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    ClusterSignals signals,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<GrainRuntimeOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 100;

    private readonly IOutboxHandler[] _handlers = [.. handlers];
    private readonly GrainRuntimeOptions _options = options.Value;

    /// <summary>Dispatches every message that is due now; returns how many were taken.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int taken;
        do
        {
            taken = await DispatchBatchAsync(cancellationToken);
            total += taken;
        }
        while (taken == BatchSize);

        return total;
    }

    /// <summary>Deletes dispatched messages older than the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM outbox WHERE dispatched_at < now() - $1");
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.OutboxRetention });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signals.OutboxWritten.WaitAsync(_options.OutboxPollInterval, stoppingToken);
                await DispatchAsync(stoppingToken);
                if (DateTimeOffset.UtcNow >= nextPrune)
                {
                    await PruneAsync(stoppingToken);
                    nextPrune = DateTimeOffset.UtcNow.AddHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogDispatchFailed(exception.Message);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var messages = await TakeDueAsync(connection, transaction, cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var failed = new HashSet<long>();
        foreach (var handler in _handlers)
        {
            var relevant = messages.Where(message => handler.CanHandle(message.Topic) && !failed.Contains(message.Id)).ToList();
            if (relevant.Count == 0 || await TryHandleAsync(handler, relevant, transaction, cancellationToken) is null)
            {
                continue;
            }

            // One message spoilt the batch: handle them one by one, so only the bad one waits.
            foreach (var message in relevant)
            {
                if (await TryHandleAsync(handler, [message], transaction, cancellationToken) is { } failure)
                {
                    failed.Add(message.Id);
                    await RecordFailureAsync(connection, transaction, message.Id, failure, cancellationToken);
                }
            }
        }

        var dispatched = messages.Where(message => !failed.Contains(message.Id)).Select(message => message.Id).ToList();
        await using (var done = new NpgsqlCommand("UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1)", connection, transaction))
        {
            done.Parameters.Add(new NpgsqlParameter<List<long>> { TypedValue = dispatched });
            await done.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return messages.Count;
    }

    /// <summary>Runs a handler inside a savepoint; returns what went wrong, or null.</summary>
    private async Task<Exception?> TryHandleAsync(
        IOutboxHandler handler,
        IReadOnlyList<OutboxEnvelope> messages,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("handler", cancellationToken);
        try
        {
            await handler.HandleAsync(messages, transaction, cancellationToken);
            await transaction.ReleaseAsync("handler", cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await transaction.RollbackAsync("handler", cancellationToken);
            LogHandlerFailed(messages[0].Topic, messages[0].Id, messages.Count, exception);
            return exception;
        }
    }

    private static async Task<List<OutboxEnvelope>> TakeDueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id, topic, message_key, payload::text, created_at FROM outbox
            WHERE dispatched_at IS NULL AND next_attempt_at <= now()
            ORDER BY id
            LIMIT $1
            FOR UPDATE SKIP LOCKED
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
        var messages = new List<OutboxEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxEnvelope(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return messages;
    }

    private static async Task RecordFailureAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long id,
        Exception exception,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE outbox
            SET attempts = attempts + 1,
                last_error = $2,
                next_attempt_at = now() + make_interval(secs => power(2, least(attempts, 12))),
                dispatched_at = CASE WHEN attempts + 1 >= $3 THEN now() END
            WHERE id = $1
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{exception.GetType().Name}: {exception.Message}" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxAttempts });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching outbox messages failed: {Reason}")]
    private partial void LogDispatchFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {Count} outbox messages from {Topic} #{Id} failed")]
    private partial void LogHandlerFailed(string topic, long id, int count, Exception exception);
}
