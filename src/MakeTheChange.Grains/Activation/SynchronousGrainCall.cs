using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Grains.Activation;

internal sealed class SynchronousGrainCall<TGrain, TResult>(
    Func<TGrain, TResult> invoke,
    GrainCallKind kind,
    GrainTransaction? transaction,
    CancellationToken cancellationToken) : GrainCall<TGrain>(kind, transaction, cancellationToken)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Task => _completion.Task;

    public override void Execute(TGrain grain) => _result = invoke(grain);

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
