using MakeTheChange.Grains.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MakeTheChange.Grains.Outbox;

/// <summary>
/// Hands committed outbox messages to their handlers. Nodes share the table through
/// <c>FOR UPDATE SKIP LOCKED</c>. A row holds the messages of one topic from one transaction; a message
/// whose handler fails is moved to a row of its own, retried later with a growing delay, and set aside
/// after <see cref="MaxAttempts"/> tries with its last error kept, while the rest of its row is done.
/// </summary>
internal sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    ClusterSignals signals,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<GrainRuntimeOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 32;

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

    /// <summary>Dispatches the next rows that are due; returns how many rows were taken.</summary>
    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (rows, messages) = await TakeDueAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var failures = new Dictionary<(long Id, int Index), Exception>();
        foreach (var handler in _handlers)
        {
            var relevant = messages.Where(message => handler.CanHandle(message.Topic) && !failures.ContainsKey((message.Id, message.Index))).ToList();
            if (relevant.Count == 0 || await TryHandleAsync(handler, relevant, transaction, cancellationToken) is null)
            {
                continue;
            }

            // One message spoilt the batch: handle them one by one, so only the bad one waits.
            foreach (var message in relevant)
            {
                if (await TryHandleAsync(handler, [message], transaction, cancellationToken) is { } failure)
                {
                    failures[(message.Id, message.Index)] = failure;
                }
            }
        }

        var rowsWithFailures = failures.Keys.Select(key => key.Id).ToHashSet();
        foreach (var id in rowsWithFailures)
        {
            await SetAsideAsync(connection, transaction, id, [.. messages.Where(message => message.Id == id)], failures, cancellationToken);
        }

        await using (var done = new NpgsqlCommand("UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1)", connection, transaction))
        {
            done.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rows.Where(id => !rowsWithFailures.Contains(id))] });
            await done.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
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
            LogHandlerFailed(messages[0].Topic, messages[0].Id, messages[0].Index, messages.Count, exception);
            return exception;
        }
    }

    /// <summary>Locks the next due rows and reads their messages, oldest first.</summary>
    private static async Task<(List<long> Rows, List<OutboxEnvelope> Messages)> TakeDueAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        // The messages are split here rather than by json_array_elements, which would parse each
        // element again for every field taken from it.
        // A bitmap scan (the planner's pick for a few pending rows) visits the heap for every entry of
        // outbox_pending, including those of rows dispatched since the last vacuum: 2,700 of them cost
        // 1.8 ms a take under load. An index scan in id order stops at the first due rows and marks
        // the dead entries it passes, so the next take skips them (docs/performance.md).
        await using var take = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SET LOCAL enable_bitmapscan = off"),
                new NpgsqlBatchCommand(
                    """
                    SELECT id, topic, messages, created_at FROM outbox
                    WHERE dispatched_at IS NULL AND next_attempt_at <= now()
                    ORDER BY id
                    LIMIT $1
                    FOR UPDATE SKIP LOCKED
                    """)
                {
                    Parameters = { new NpgsqlParameter<int> { TypedValue = BatchSize } },
                },
            },
        };
        var rows = new List<long>();
        var messages = new List<OutboxEnvelope>();
        await using var reader = await take.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, topic, createdAt) = (reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(3));
            rows.Add(id);
            var index = 0;
            foreach (var (key, payload) in OutboxRows.Unpack(reader.GetString(2)))
            {
                messages.Add(new OutboxEnvelope(id, ++index, topic, key, payload, createdAt));
            }
        }

        return (rows, messages);
    }

    /// <summary>
    /// Keeps the failed messages of row <paramref name="id"/> in it, to be tried again later (or set aside
    /// for good after <see cref="MaxAttempts"/>), and moves the ones that were handled to a dispatched row
    /// of their own, kept for the record like any other.
    /// </summary>
    private static async Task SetAsideAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long id,
        List<OutboxEnvelope> row,
        Dictionary<(long Id, int Index), Exception> failures,
        CancellationToken cancellationToken)
    {
        var outcome = row.ToLookup(message => failures.ContainsKey((message.Id, message.Index)));
        var (failed, handled) = (outcome[true].ToList(), outcome[false].ToList());
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (handled.Count > 0)
        {
            var record = new NpgsqlBatchCommand(
                "INSERT INTO outbox (topic, messages, created_at, dispatched_at) SELECT topic, $2, created_at, now() FROM outbox WHERE id = $1");
            record.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxRows.Array(handled.Select(message => (message.Key, message.PayloadJson))) });
            batch.BatchCommands.Add(record);
        }

        var exception = failures[(id, failed[0].Index)];
        var retry = new NpgsqlBatchCommand(
            """
            UPDATE outbox
            SET messages = $2,
                attempts = attempts + 1,
                last_error = $3,
                next_attempt_at = now() + make_interval(secs => power(2, least(attempts, 12))),
                dispatched_at = CASE WHEN attempts + 1 >= $4 THEN now() END
            WHERE id = $1
            """);
        retry.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        retry.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxRows.Array(failed.Select(message => (message.Key, message.PayloadJson))) });
        retry.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{exception.GetType().Name}: {exception.Message}" });
        retry.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxAttempts });
        batch.BatchCommands.Add(retry);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching outbox messages failed: {Reason}")]
    private partial void LogDispatchFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {Count} outbox messages from {Topic} #{Id}.{Index} failed")]
    private partial void LogHandlerFailed(string topic, long id, int index, int count, Exception exception);
}
