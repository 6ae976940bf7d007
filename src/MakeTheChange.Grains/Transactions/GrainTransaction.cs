using MakeTheChange.Grains.Persistence;

namespace MakeTheChange.Grains.Transactions;

/// <summary>
/// Writes of several grains that commit in one PostgreSQL transaction or not at all. A grain called
/// inside a transaction runs its call, enlists its change and then waits, taking no other call,
/// until the transaction ends: that is what keeps the change it promised valid.
/// </summary>
/// <remarks>
/// Grains must be enlisted in a stable order (for example sorted by key), so that two transactions
/// wanting the same grains cannot each hold one and wait for the other. A transaction not committed
/// within its timeout is aborted, which frees its participants.
/// </remarks>
public sealed class GrainTransaction : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<GrainWrite> _writes = [];
    private readonly TaskCompletionSource<WriteOutcome?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WriteBatcher _batcher;
    private readonly CancellationTokenSource _timeout;
    private TransactionStatus _status = TransactionStatus.Open;

    internal GrainTransaction(WriteBatcher batcher, TimeSpan timeout, TimeProvider clock)
    {
        _batcher = batcher;
        _timeout = new CancellationTokenSource(timeout, clock);
        _timeout.Token.Register(static state => ((GrainTransaction)state!).Abort(), this);
    }

    internal enum TransactionStatus
    {
        Open,
        Committing,
        Ended,
    }

    /// <summary>The outcome, once the transaction ended; null when it was aborted before committing.</summary>
    internal Task<WriteOutcome?> Ended => _ended.Task;

    internal bool TryEnlist(GrainWrite write)
    {
        lock (_gate)
        {
            if (_status != TransactionStatus.Open)
            {
                return false;
            }

            _writes.Add(write);
            return true;
        }
    }

    internal async Task<WriteOutcome> CommitAsync()
    {
        GrainWrite[] writes;
        lock (_gate)
        {
            if (_status != TransactionStatus.Open)
            {
                throw new TransactionAbortedException();
            }

            _status = TransactionStatus.Committing;
            writes = [.. _writes];
        }

        var outcome = writes.Length == 0
            ? WriteOutcome.Committed
            : await _batcher.SubmitAsync(new WriteUnit(writes));
        lock (_gate)
        {
            _status = TransactionStatus.Ended;
        }

        _ended.TrySetResult(outcome);
        await _timeout.CancelAsync();
        return outcome;
    }

    /// <summary>Ends an open transaction without writing anything; participants go back to their calls.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            if (_status != TransactionStatus.Open)
            {
                return;
            }

            _status = TransactionStatus.Ended;
        }

        _ended.TrySetResult(null);
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        _timeout.Dispose();
        return ValueTask.CompletedTask;
    }
}
