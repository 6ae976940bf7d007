using Npgsql;

namespace MakeTheChange.Grains.Persistence;

/// <summary>
/// The statements of one write transaction, sent to PostgreSQL in a single round trip.
/// Statements that return rows are read back, in order, by the callback given with them.
/// </summary>
public sealed class WriteBatch : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch;
    private readonly List<Func<NpgsqlDataReader, CancellationToken, Task>> _rowReaders = [];
    private readonly List<CountedStatement> _counted = [];
    private readonly List<Func<NpgsqlConnection, CancellationToken, Task>> _uniqueViolationCulprits = [];
    private readonly List<Action> _afterCommit = [];
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    internal WriteBatch(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _batch = new NpgsqlBatch(connection, transaction);
    }

    internal int Count => _batch.BatchCommands.Count;

    /// <summary>Adds a statement that returns no rows.</summary>
    public NpgsqlBatchCommand Add(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        _batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Adds a statement whose rows <paramref name="readRows"/> reads (every row, then returns).</summary>
    public NpgsqlBatchCommand Add(string sql, Func<NpgsqlDataReader, CancellationToken, Task> readRows)
    {
        var command = Add(sql);
        _rowReaders.Add(readRows);
        return command;
    }

    /// <summary>
    /// Adds a statement that should affect <paramref name="expectedRows"/> rows. Counting them is all it
    /// costs when it did (<paramref name="allAffected"/> runs); when it affected fewer, which is rare,
    /// <paramref name="someMissed"/> runs after the batch, in its transaction, to find out which. Cheaper
    /// than returning every row to learn of the few that were not written.
    /// </summary>
    public NpgsqlBatchCommand Add(string sql, int expectedRows, Action allAffected, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> someMissed)
    {
        var command = Add(sql);
        _counted.Add(new CountedStatement(command, expectedRows, allAffected, someMissed));
        return command;
    }

    /// <summary>
    /// Adds an insert that fails on a unique key when one of its writes must not go through, instead of
    /// skipping the row with <c>ON CONFLICT</c>, which probes every unique index once more for each row
    /// (a quarter of PostgreSQL's CPU per stock movement, docs/performance.md). When the transaction
    /// fails on a unique key, <paramref name="findCulprits"/> runs after its rollback, outside any
    /// transaction, and marks the writes that caused it (<see cref="GrainWrite.Reject"/>,
    /// <see cref="GrainWrite.MarkStale"/>); the others go again.
    /// </summary>
    public NpgsqlBatchCommand AddInsert(string sql, Func<NpgsqlConnection, CancellationToken, Task> findCulprits)
    {
        var command = Add(sql);
        _uniqueViolationCulprits.Add(findCulprits);
        return command;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the transaction has committed (never when it did not), e.g.
    /// to wake a worker for rows it wrote: woken earlier, the worker could look before they are visible.
    /// </summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    internal void Committed()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }
    }

    internal bool CanFindUniqueViolationCulprits => _uniqueViolationCulprits.Count > 0;

    internal async Task FindUniqueViolationCulpritsAsync(CancellationToken cancellationToken)
    {
        foreach (var findCulprits in _uniqueViolationCulprits)
        {
            await findCulprits(_connection, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();

    internal async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL answers statements without result sets with no row description, and Npgsql's
        // reader skips them: the reader's result sets line up with the row-returning statements only.
        await using var reader = await _batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < _rowReaders.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException("A write statement expected to return rows returned none.");
            }

            await _rowReaders[i](reader, cancellationToken);
        }

        await reader.DisposeAsync();
        foreach (var counted in _counted)
        {
            if (counted.Command.RecordsAffected == counted.ExpectedRows)
            {
                counted.AllAffected();
            }
            else
            {
                await counted.SomeMissed(_connection, _transaction, cancellationToken);
            }
        }
    }

    private sealed record CountedStatement(
        NpgsqlBatchCommand Command,
        int ExpectedRows,
        Action AllAffected,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> SomeMissed);
}
