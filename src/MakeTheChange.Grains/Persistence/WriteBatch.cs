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

    internal WriteBatch(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        _batch = new NpgsqlBatch(connection, transaction);

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
    }
}
