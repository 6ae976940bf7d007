namespace MakeTheChange.Connectors.Simulation.State;

/// <summary>
/// A simulator's whole state behind one lock. Every operation runs under it and is followed, under the same
/// lock and even when it throws, by the vendor's <c>afterEach</c> (which queues the webhooks the operation
/// raised), so events are queued in the order the operations ran. A reset replaces the state whole. Thread-safe.
/// </summary>
/// <typeparam name="TState">The vendor's state; not thread-safe itself, only reached through <see cref="Run{T}"/>.</typeparam>
public sealed class GuardedState<TState>
{
    private readonly Lock _gate = new();
    private readonly Func<TState> _create;
    private readonly Action<TState> _afterEach;
    private TState _state;

    public GuardedState(Func<TState> create, Action<TState> afterEach)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(afterEach);
        _create = create;
        _afterEach = afterEach;
        _state = create();
    }

    public T Run<T>(Func<TState, T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        lock (_gate)
        {
            try
            {
                return operation(_state);
            }
            finally
            {
                _afterEach(_state);
            }
        }
    }

    /// <summary>Runs <paramref name="beforeReplacing"/> (dropping pending deliveries, say), then starts from a new state, both under the lock.</summary>
    public void Reset(Action beforeReplacing)
    {
        ArgumentNullException.ThrowIfNull(beforeReplacing);
        lock (_gate)
        {
            beforeReplacing();
            _state = _create();
        }
    }
}
