namespace MakeTheChange.Grains.Persistence;

/// <summary>Grain writes that commit together or not at all.</summary>
internal sealed class WriteUnit
{
    private readonly TaskCompletionSource<WriteOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriteUnit(IReadOnlyList<GrainWrite> writes) => Writes = writes;

    public IReadOnlyList<GrainWrite> Writes { get; }

    public Task<WriteOutcome> Completion => _completion.Task;

    public bool HasConflict
    {
        get
        {
            foreach (var write in Writes)
            {
                if (write.Check is WriteCheck.Stale or WriteCheck.Rejected)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public void Complete(WriteOutcome outcome) => _completion.TrySetResult(outcome);
}
