using System.Diagnostics;
using System.Threading.Channels;
using MakeTheChange.Grains.Cluster;
using MakeTheChange.Grains.Diagnostics;
using MakeTheChange.Grains.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace MakeTheChange.Grains.Persistence;

/// <summary>
/// Persists grain writes. Writes submitted while a transaction is in flight, or within the linger
/// time, share the next transaction: many grains, one round trip, one commit. This is where the hub's
/// throughput comes from, not from weaker durability: every write is committed before it is answered.
/// </summary>
internal sealed partial class WriteBatcher(
    NpgsqlDataSource dataSource,
    NodeIdentity node,
    GrainMetrics metrics,
    IOptions<GrainRuntimeOptions> options,
    ILogger<WriteBatcher> logger) : IHostedService, IDisposable
{
    private const int MaxTransientRetries = 5;

    private readonly Channel<WriteUnit> _queue = Channel.CreateUnbounded<WriteUnit>();
    private readonly GrainRuntimeOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentTransactions, options.Value.MaxConcurrentTransactions);
    private Task? _loop;

    private enum Attempt
    {
        Committed,
        Conflict,
        Transient,
        Faulted,
        Unavailable,
        Unknown,
    }

    public Task<WriteOutcome> SubmitAsync(WriteUnit unit)
    {
        if (!_queue.Writer.TryWrite(unit))
        {
            unit.Complete(WriteOutcome.NotStored(new ObjectDisposedException(nameof(WriteBatcher), "The hub is shutting down.")));
        }

        return unit.Completion;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunGuardedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking writes, then stores every write already taken before returning.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task RunGuardedAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception exception)
        {
            // Never leave writers waiting on a batcher that stopped: refuse new writes and fail the queued ones.
            LogUnexpectedFailure(exception);
            _queue.Writer.TryComplete(exception);
            while (_queue.Reader.TryRead(out var unit))
            {
                unit.Complete(WriteOutcome.NotStored(exception));
            }
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        WriteUnit? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            await _slots.WaitAsync();
            if (_options.WriteLinger > TimeSpan.Zero && reader.Count + (carried is null ? 0 : 1) < _options.MaxWritesPerTransaction)
            {
                await Task.Delay(_options.WriteLinger);
            }

            var units = new List<WriteUnit>();
            var writes = 0;
            if (carried is not null)
            {
                units.Add(carried);
                writes = carried.Writes.Count;
                carried = null;
            }

            while (writes < _options.MaxWritesPerTransaction && reader.TryRead(out var unit))
            {
                if (writes > 0 && writes + unit.Writes.Count > _options.MaxWritesPerTransaction)
                {
                    carried = unit;
                    break;
                }

                units.Add(unit);
                writes += unit.Writes.Count;
            }

            if (units.Count == 0)
            {
                _slots.Release();
                continue;
            }

            _ = StoreAndReleaseAsync(units);
        }

        for (var i = 0; i < _options.MaxConcurrentTransactions; i++)
        {
            await _slots.WaitAsync();
        }
    }

    private async Task StoreAndReleaseAsync(List<WriteUnit> units)
    {
        try
        {
            await StoreAsync(units);
        }
        catch (Exception exception)
        {
            // Never leave a caller waiting: a bug here must still answer every unit.
            LogUnexpectedFailure(exception);
            foreach (var unit in units)
            {
                unit.Complete(WriteOutcome.NotStored(exception));
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task StoreAsync(List<WriteUnit> units)
    {
        var pending = units;
        var transientFailures = 0;
        while (pending.Count > 0)
        {
            var (attempt, error) = await TryTransactionAsync(pending);
            switch (attempt)
            {
                case Attempt.Committed:
                    CompleteAll(pending, WriteOutcome.Committed);
                    return;

                case Attempt.Conflict:
                    // The units without a conflict did nothing wrong: they go again at once, without the others.
                    var next = new List<WriteUnit>(pending.Count);
                    foreach (var unit in pending)
                    {
                        if (unit.HasConflict)
                        {
                            unit.Complete(WriteOutcome.Conflict);
                        }
                        else
                        {
                            next.Add(unit);
                        }
                    }

                    pending = next;
                    break;

                case Attempt.Transient when ++transientFailures < MaxTransientRetries:
                    await Task.Delay(Random.Shared.Next(1, 10 * transientFailures));
                    break;

                case Attempt.Faulted when pending.Count > 1:
                    // One unit's statement failed and took the transaction with it: store each unit on its own
                    // so that only the faulty one fails.
                    foreach (var unit in pending)
                    {
                        await StoreAsync([unit]);
                    }

                    return;

                case Attempt.Unknown:
                    CompleteAll(pending, WriteOutcome.Unknown(error!));
                    return;

                default:
                    CompleteAll(pending, WriteOutcome.NotStored(error!));
                    return;
            }
        }
    }

    private async Task<(Attempt Attempt, Exception? Error)> TryTransactionAsync(List<WriteUnit> units)
    {
        var writes = new List<GrainWrite>();
        foreach (var unit in units)
        {
            foreach (var write in unit.Writes)
            {
                write.ResetCheck();
                writes.Add(write);
            }
        }

        var committing = false;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new WriteBatch(connection, transaction);
            GenericPlans.AddTo(batch);
            AppendStateWrites(batch, writes);
            var hasOutbox = AppendOutbox(batch, writes);
            AppendReminders(batch, writes);
            AppendNotifications(batch, writes, hasOutbox);
            if (!await ExecuteAndCheckAsync(batch, transaction, writes))
            {
                metrics.TransactionEnded("conflict", writes.Count, Stopwatch.GetElapsedTime(started));
                return (Attempt.Conflict, null);
            }

            committing = true;
            await transaction.CommitAsync();
            batch.Committed();
            metrics.TransactionEnded("committed", writes.Count, Stopwatch.GetElapsedTime(started));
            return (Attempt.Committed, null);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            metrics.TransactionEnded("retried", writes.Count, Stopwatch.GetElapsedTime(started));
            return (Attempt.Transient, exception);
        }
        catch (Exception exception) when (ConnectionFailures.Is(exception))
        {
            metrics.TransactionEnded(committing ? "unknown" : "unavailable", writes.Count, Stopwatch.GetElapsedTime(started));
            LogStoreFailed(writes.Count, exception.Message);
            return (committing ? Attempt.Unknown : Attempt.Unavailable, exception);
        }
        catch (PostgresException exception)
        {
            metrics.TransactionEnded("faulted", writes.Count, Stopwatch.GetElapsedTime(started));
            LogStatementFailed(writes.Count, exception);
            return (Attempt.Faulted, exception);
        }
    }

    /// <summary>Runs the batch; false, with the transaction rolled back, when a write did not go through.</summary>
    private static async Task<bool> ExecuteAndCheckAsync(WriteBatch batch, NpgsqlTransaction transaction, List<GrainWrite> writes)
    {
        try
        {
            await batch.ExecuteAsync(CancellationToken.None);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && batch.CanFindUniqueViolationCulprits)
        {
            await transaction.RollbackAsync();
            await batch.FindUniqueViolationCulpritsAsync(CancellationToken.None);
            if (!writes.Any(write => write.Check is WriteCheck.Stale or WriteCheck.Rejected))
            {
                throw;
            }

            return false;
        }

        var conflict = false;
        foreach (var write in writes)
        {
            write.ConcludeCheck();
            conflict |= write.Check != WriteCheck.Confirmed;
        }

        if (conflict)
        {
            await transaction.RollbackAsync();
        }

        return !conflict;
    }

    private static void AppendStateWrites(WriteBatch batch, List<GrainWrite> writes)
    {
        // Every node writes rows in the same order (by grain key), so two transactions touching the
        // same rows lock them in the same order and do not deadlock each other.
        foreach (var group in writes.GroupBy(write => write.Storage))
        {
            var sorted = group.OrderBy(write => write.Id.Key, StringComparer.Ordinal).ToList();
            sorted[0].AppendGroup(batch, sorted);
        }
    }

    private static bool AppendOutbox(WriteBatch batch, List<GrainWrite> writes)
    {
        var rows = OutboxRows.Pack(writes.SelectMany(write => write.Outbox));
        if (rows.Count == 0)
        {
            return false;
        }

        var command = batch.Add(
            """
            INSERT INTO outbox (topic, messages)
            SELECT * FROM unnest($1::text[], $2::text[])
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(row => row.Topic)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(row => row.MessagesJson)] });
        return true;
    }

    private static void AppendReminders(WriteBatch batch, List<GrainWrite> writes)
    {
        var setTypes = new List<string>();
        var setKeys = new List<string>();
        var setDue = new List<DateTime>();
        var clearTypes = new List<string>();
        var clearKeys = new List<string>();
        foreach (var write in writes)
        {
            if (write.Reminder is not { } reminder)
            {
                continue;
            }

            if (reminder.DueAt is { } dueAt)
            {
                setTypes.Add(write.Id.Type);
                setKeys.Add(write.Id.Key);
                setDue.Add(dueAt.UtcDateTime);
            }
            else
            {
                clearTypes.Add(write.Id.Type);
                clearKeys.Add(write.Id.Key);
            }
        }

        if (setTypes.Count > 0)
        {
            var command = batch.Add(
                """
                INSERT INTO grain_reminders (grain_type, grain_key, due_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
                ON CONFLICT (grain_type, grain_key) DO UPDATE SET due_at = excluded.due_at, leased_until = NULL
                """);
            command.Parameters.Add(new NpgsqlParameter<List<string>> { TypedValue = setTypes });
            command.Parameters.Add(new NpgsqlParameter<List<string>> { TypedValue = setKeys });
            command.Parameters.Add(new NpgsqlParameter<List<DateTime>> { TypedValue = setDue, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        }

        if (clearTypes.Count > 0)
        {
            var command = batch.Add(
                """
                DELETE FROM grain_reminders r
                USING unnest($1::text[], $2::text[]) AS c(grain_type, grain_key)
                CROSS JOIN LATERAL (SELECT x.ctid AS row_id FROM grain_reminders x WHERE x.grain_type = c.grain_type AND x.grain_key = c.grain_key OFFSET 0) x
                WHERE r.ctid = x.row_id
                """);
            command.Parameters.Add(new NpgsqlParameter<List<string>> { TypedValue = clearTypes });
            command.Parameters.Add(new NpgsqlParameter<List<string>> { TypedValue = clearKeys });
        }
    }

    private void AppendNotifications(WriteBatch batch, List<GrainWrite> writes, bool hasOutbox)
    {
        // Sent inside the transaction, so other nodes hear of a write exactly when it commits, in
        // commit order (https://www.postgresql.org/docs/15/sql-notify.html).
        var payloads = ClusterMessages.Writes(node.Id, writes);
        if (hasOutbox)
        {
            payloads.Add(ClusterMessages.OutboxWritten(node.Id));
        }

        var command = batch.Add(
            $"SELECT pg_notify('{ClusterMessages.Channel}', payload) FROM unnest($1::text[]) AS payload",
            static async (reader, cancellationToken) =>
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                }
            });
        command.Parameters.Add(new NpgsqlParameter<List<string>> { TypedValue = payloads });
    }

    private static void CompleteAll(List<WriteUnit> units, WriteOutcome outcome)
    {
        foreach (var unit in units)
        {
            unit.Complete(outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing grain writes failed unexpectedly")]
    private partial void LogUnexpectedFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} grain writes: {Reason}")]
    private partial void LogStoreFailed(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A statement failed while storing {Count} grain writes")]
    private partial void LogStatementFailed(int count, Exception exception);
}
