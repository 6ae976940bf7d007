using System.Text.Json;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Grains.Transactions;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Grains.Activation;

/// <summary>
/// One live grain on this node: its queue of calls, the grain instance that runs them one at a time in
/// arrival order, and its last committed state.
/// </summary>
internal sealed partial class GrainActivation<TGrain, TState> : IGrainActivation, IGrainActivationContext<TState>
    where TGrain : Grain<TState>
    where TState : class, IGrainState<TState>
{
    private readonly Lock _gate = new();
    private readonly Queue<GrainCall<TGrain>> _queue = new();
    private readonly GrainType<TGrain, TState> _type;
    private readonly GrainRuntime _runtime;
    private readonly TGrain _grain;
    private readonly ILogger _logger;
    private bool _running;
    private bool _deactivated;
    private TState? _committed;
    private long _knownVersion;
    private int _reloadRequests;
    private int _reloadRequestsSeen;
    private Task<TState>? _loading;
    private long _lastUsed = Environment.TickCount64;

    public GrainActivation(GrainType<TGrain, TState> type, GrainId id, GrainRuntime runtime)
    {
        _type = type;
        _runtime = runtime;
        Id = id;
        _logger = runtime.LoggerFactory.CreateLogger<TGrain>();
        _grain = type.CreateGrain(runtime.Services);
        _grain.Attach(this);
    }

    public GrainId Id { get; }

    public long LastUsed => Interlocked.Read(ref _lastUsed);

    public TimeProvider Clock => _runtime.Clock;

    public IGrainFactory GrainFactory => _runtime.GrainFactory;

    public JsonSerializerOptions JsonOptions => _runtime.JsonOptions;

    public GrainTransaction BeginTransaction() => _runtime.BeginTransaction();

    public bool TryEnqueue(GrainCall<TGrain> call)
    {
        bool start;
        lock (_gate)
        {
            if (_deactivated)
            {
                return false;
            }

            _queue.Enqueue(call);
            _lastUsed = Environment.TickCount64;
            start = !_running;
            _running = true;
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.RunAsync(), this, preferLocal: false);
        }

        return true;
    }

    public void Touch() => Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);

    public bool TryDeactivate()
    {
        lock (_gate)
        {
            if (_running || _queue.Count > 0 || _loading is not null)
            {
                return false;
            }

            _deactivated = true;
            return true;
        }
    }

    public void Invalidate(long version)
    {
        lock (_gate)
        {
            _knownVersion = Math.Max(_knownVersion, version);
        }
    }

    public void RequestReload()
    {
        lock (_gate)
        {
            _reloadRequests++;
        }
    }

    /// <summary>
    /// The last committed state, reloaded first when another node wrote the grain since (or might
    /// have: see <see cref="Cluster.ClusterSignals.BarrierAsync"/>).
    /// </summary>
    public async ValueTask<TState> GetCurrentStateAsync(CancellationToken cancellationToken)
    {
        if (_runtime.Signals.PeersPresent)
        {
            await _runtime.Signals.BarrierAsync(cancellationToken);
        }

        Task<TState> loading;
        lock (_gate)
        {
            if (_committed is { } current
                && current.Version >= _knownVersion
                && _reloadRequestsSeen == _reloadRequests
                && _grain.CanKeep(current))
            {
                return current;
            }

            // Started on the thread pool so that it never completes inside this lock.
            loading = _loading ??= Task.Run(LoadAsync, CancellationToken.None);
        }

        return await loading.WaitAsync(cancellationToken);
    }

    public async Task CommitAsync(GrainCallContext<TState> call, GrainTransaction transaction)
    {
        GrainWrite<TState>? write = null;
        if (call.HasChanges)
        {
            write = CreateWrite(call);
            if (!transaction.TryEnlist(write))
            {
                throw new TransactionAbortedException();
            }
        }

        var outcome = await transaction.CommitAsync();
        switch (outcome.Status)
        {
            case WriteOutcomeStatus.Committed:
                if (write is not null)
                {
                    call.Rebase(Install(write));
                }

                return;

            case WriteOutcomeStatus.Conflict:
                if (write is { Check: WriteCheck.Stale or WriteCheck.Rejected })
                {
                    RequestReload();
                }

                throw new TransactionConflictException();

            case WriteOutcomeStatus.Unknown:
                RequestReload();
                throw new StorageUnavailableException(outcome.Error, outcomeUnknown: true);

            default:
                throw new StorageUnavailableException(outcome.Error, outcomeUnknown: false);
        }
    }

    private async Task<TState> LoadAsync()
    {
        int requests;
        long knownAtStart;
        lock (_gate)
        {
            requests = _reloadRequests;
            knownAtStart = _knownVersion;
        }

        try
        {
            var loaded = await _type.Reader.ReadAsync(Id.Key);
            lock (_gate)
            {
                if (_committed is null || loaded.Version >= _committed.Version)
                {
                    _committed = loaded;
                }

                // A notification names a version only once it is committed, so the row holds it by now.
                // Should it not, waiting for it would reload forever, and the version check on every
                // write still keeps the state safe.
                if (_committed.Version < knownAtStart && _knownVersion == knownAtStart)
                {
                    _knownVersion = _committed.Version;
                }

                _reloadRequestsSeen = requests;
                return _committed;
            }
        }
        finally
        {
            lock (_gate)
            {
                _loading = null;
            }
        }
    }

    private TState Install(GrainWrite<TState> write)
    {
        _grain.Committed(write.Next);
        var stored = write.Next.Persisted(write.NewVersion);
        lock (_gate)
        {
            if (_committed is null || stored.Version > _committed.Version)
            {
                _committed = stored;
            }

            return _committed;
        }
    }

    private GrainWrite<TState> CreateWrite(GrainCallContext<TState> call) =>
        new(Id, call.Start, call.State, [.. call.Outbox], call.Reminder, _type.Storage);

    private async Task RunAsync()
    {
        while (true)
        {
            List<GrainCall<TGrain>> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _running = false;
                    _lastUsed = Environment.TickCount64;
                    return;
                }

                batch = TakeBatch();
            }

            try
            {
                switch (batch[0].Kind)
                {
                    case GrainCallKind.Batched:
                        await ProcessBatchedAsync(batch);
                        break;
                    case GrainCallKind.Exclusive:
                        await ProcessExclusiveAsync(batch[0]);
                        break;
                    default:
                        await ProcessTransactionalAsync(batch[0]);
                        break;
                }
            }
            catch (Exception exception)
            {
                // The processing above answers every call it takes; this only guards against a bug there.
                LogProcessingFailed(Id, exception);
                foreach (var call in batch)
                {
                    call.Fail(exception);
                }
            }
        }
    }

    private List<GrainCall<TGrain>> TakeBatch()
    {
        var first = _queue.Dequeue();
        var batch = new List<GrainCall<TGrain>> { first };
        if (first.Kind != GrainCallKind.Batched)
        {
            return batch;
        }

        while (batch.Count < _runtime.Options.MaxCallsPerBatch && _queue.TryPeek(out var next) && next.Kind == GrainCallKind.Batched)
        {
            batch.Add(_queue.Dequeue());
        }

        return batch;
    }

    private async Task ProcessBatchedAsync(List<GrainCall<TGrain>> batch)
    {
        var calls = WithoutCancelled(batch);
        for (var attempt = 1; calls.Count > 0; attempt++)
        {
            TState start;
            try
            {
                start = await GetCurrentStateAsync(CancellationToken.None);
            }
            catch (Exception exception)
            {
                FailAll(calls, exception);
                return;
            }

            var context = new GrainCallContext<TState>(start);
            for (var i = 0; i < calls.Count; i++)
            {
                if (!TryExecute(calls[i], context))
                {
                    calls.RemoveAt(i--);
                }
            }

            _runtime.Metrics.CallsPersistedTogether(calls.Count);
            if (!context.HasChanges)
            {
                CompleteAll(calls);
                return;
            }

            var write = CreateWrite(context);
            var outcome = await _runtime.Batcher.SubmitAsync(new WriteUnit([write]));
            if (!await ShouldRunAgainAsync(calls, write, outcome, attempt))
            {
                return;
            }
        }
    }

    /// <summary>Answers the calls of a batched write that ended, or says to run them again.</summary>
    private async Task<bool> ShouldRunAgainAsync(List<GrainCall<TGrain>> calls, GrainWrite<TState> write, WriteOutcome outcome, int attempt)
    {
        switch (outcome.Status)
        {
            case WriteOutcomeStatus.Committed:
                Install(write);
                CompleteAll(calls);
                return false;

            case WriteOutcomeStatus.Conflict when attempt < _runtime.Options.MaxWriteAttempts:
                if (write.Check != WriteCheck.Rejected)
                {
                    RequestReload();
                    return true;
                }

                try
                {
                    await _grain.LearnRejectionAsync(write.Rejection!, CancellationToken.None);
                    return true;
                }
                catch (Exception exception)
                {
                    FailAll(calls, exception);
                    return false;
                }

            case WriteOutcomeStatus.Conflict:
                RequestReload();
                FailAll(calls, new GrainContentionException(Id, attempt));
                return false;

            case WriteOutcomeStatus.Unknown:
                RequestReload();
                FailAll(calls, new StorageUnavailableException(outcome.Error, outcomeUnknown: true));
                return false;

            default:
                FailAll(calls, new StorageUnavailableException(outcome.Error, outcomeUnknown: false));
                return false;
        }
    }

    private bool TryExecute(GrainCall<TGrain> call, GrainCallContext<TState> context)
    {
        var mark = context.Mark();
        _grain.Enter(context);
        try
        {
            call.Execute(_grain);
            return true;
        }
        catch (Exception exception)
        {
            // States are immutable, so undoing what the failed call did is putting the previous one back.
            context.Restore(mark);
            call.Fail(exception);
            return false;
        }
        finally
        {
            _grain.Leave();
        }
    }

    private async Task ProcessExclusiveAsync(GrainCall<TGrain> call)
    {
        if (call.CancellationToken.IsCancellationRequested)
        {
            call.Fail(new OperationCanceledException(call.CancellationToken));
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            GrainCallContext<TState> context;
            try
            {
                context = new GrainCallContext<TState>(await GetCurrentStateAsync(CancellationToken.None));
            }
            catch (Exception exception)
            {
                call.Fail(exception);
                return;
            }

            _grain.Enter(context);
            try
            {
                await call.ExecuteAsync(_grain);
                if (context.HasChanges)
                {
                    await using var transaction = BeginTransaction();
                    await CommitAsync(context, transaction);
                }

                call.Complete();
                return;
            }
            catch (TransactionConflictException) when (attempt < _runtime.Options.MaxWriteAttempts)
            {
                // Every grain the call changed had its change thrown away: running it again is safe.
            }
            catch (TransactionConflictException)
            {
                call.Fail(new GrainContentionException(Id, attempt));
                return;
            }
            catch (Exception exception)
            {
                call.Fail(exception);
                return;
            }
            finally
            {
                _grain.Leave();
            }
        }
    }

    private async Task ProcessTransactionalAsync(GrainCall<TGrain> call)
    {
        var transaction = call.Transaction!;
        if (call.CancellationToken.IsCancellationRequested)
        {
            call.Fail(new OperationCanceledException(call.CancellationToken));
            return;
        }

        GrainCallContext<TState> context;
        try
        {
            context = new GrainCallContext<TState>(await GetCurrentStateAsync(CancellationToken.None));
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            return;
        }

        if (!TryExecute(call, context))
        {
            return;
        }

        if (!context.HasChanges)
        {
            call.Complete();
            return;
        }

        var write = CreateWrite(context);
        if (!transaction.TryEnlist(write))
        {
            call.Fail(new TransactionAbortedException());
            return;
        }

        call.Complete();

        // The grain promised this change: it takes no other call until the transaction ends.
        var outcome = await transaction.Ended;
        switch (outcome?.Status)
        {
            case WriteOutcomeStatus.Committed:
                Install(write);
                break;
            case WriteOutcomeStatus.Unknown:
                RequestReload();
                break;
            case WriteOutcomeStatus.Conflict when write.Check is WriteCheck.Stale or WriteCheck.Rejected:
                RequestReload();
                break;
        }
    }

    private static List<GrainCall<TGrain>> WithoutCancelled(List<GrainCall<TGrain>> batch)
    {
        var calls = new List<GrainCall<TGrain>>(batch.Count);
        foreach (var call in batch)
        {
            if (call.CancellationToken.IsCancellationRequested)
            {
                call.Fail(new OperationCanceledException(call.CancellationToken));
            }
            else
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    private static void CompleteAll(List<GrainCall<TGrain>> calls)
    {
        foreach (var call in calls)
        {
            call.Complete();
        }
    }

    private static void FailAll(List<GrainCall<TGrain>> calls, Exception exception)
    {
        foreach (var call in calls)
        {
            call.Fail(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing calls of {GrainId} failed")]
    private partial void LogProcessingFailed(GrainId grainId, Exception exception);
}
