using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Grains.Activation;

/// <summary>A call queued for a grain: how to run it, and how to answer its caller.</summary>
internal abstract class GrainCall<TGrain>(GrainCallKind kind, GrainTransaction? transaction, CancellationToken cancellationToken)
{
    public GrainCallKind Kind { get; } = kind;

    public GrainTransaction? Transaction { get; } = transaction;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs a synchronous call and keeps its result until the caller may have it.</summary>
    public virtual void Execute(TGrain grain) => throw new InvalidOperationException($"A {Kind} call does not run synchronously.");

    public virtual Task ExecuteAsync(TGrain grain) => throw new InvalidOperationException($"A {Kind} call does not run asynchronously.");

    /// <summary>Gives the caller the result of the last execution.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}
