namespace MakeTheChange.Grains.Activation;

internal sealed class AsynchronousGrainCall<TGrain, TResult>(
    Func<TGrain, Task<TResult>> invoke,
    CancellationToken cancellationToken) : GrainCall<TGrain>(GrainCallKind.Exclusive, null, cancellationToken)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Task => _completion.Task;

    public override async Task ExecuteAsync(TGrain grain) => _result = await invoke(grain);

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
