namespace MakeTheChange.Grains;

/// <summary>
/// Wakes a background loop early. A wake that comes while the loop is busy is kept for its next wait,
/// so no work signalled is missed; the loop's own timer covers work signalled on other nodes.
/// </summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _signal);
        try
        {
            await current.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Not woken: time to look anyway.
        }

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
