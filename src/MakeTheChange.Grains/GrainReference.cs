using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Grains;

/// <summary>
/// Sends calls to one grain. A grain's typed reference (what <see cref="IGrainFactory"/> returns for
/// its interface) wraps this and chooses, for each method, how the call runs.
/// </summary>
public sealed class GrainReference<TGrain, TState>
    where TGrain : Grain<TState>
    where TState : class, IGrainState<TState>
{
    private readonly GrainType<TGrain, TState> _type;

    internal GrainReference(GrainType<TGrain, TState> type, string key)
    {
        _type = type;
        Key = key;
    }

    public string Key { get; }

    public GrainId Id => new(_type.Name, Key);

    /// <summary>A batched call: synchronous, persisted together with the calls queued around it.</summary>
    public Task<TResult> Invoke<TResult>(Func<TGrain, TResult> call, CancellationToken cancellationToken = default) =>
        _type.Enqueue(Key, new SynchronousGrainCall<TGrain, TResult>(call, GrainCallKind.Batched, null, cancellationToken));

    /// <summary>An exclusive call: asynchronous, runs alone, may call other grains in a transaction.</summary>
    public Task<TResult> InvokeExclusive<TResult>(Func<TGrain, Task<TResult>> call, CancellationToken cancellationToken = default) =>
        _type.Enqueue(Key, new AsynchronousGrainCall<TGrain, TResult>(call, cancellationToken));

    /// <summary>A call whose change commits with <paramref name="transaction"/>; the grain waits for it to end.</summary>
    public Task<TResult> InvokeInTransaction<TResult>(GrainTransaction transaction, Func<TGrain, TResult> call, CancellationToken cancellationToken = default) =>
        _type.Enqueue(Key, new SynchronousGrainCall<TGrain, TResult>(call, GrainCallKind.Transactional, transaction, cancellationToken));

    /// <summary>
    /// Reads the last committed state without queueing behind calls in flight (like Orleans'
    /// [ReadOnly] interleaving): an answer only ever reflects committed writes.
    /// </summary>
    public Task<TResult> Read<TResult>(Func<TState, TResult> read, CancellationToken cancellationToken = default) =>
        _type.ReadAsync(Key, read, cancellationToken);
}
