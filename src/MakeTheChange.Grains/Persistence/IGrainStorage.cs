namespace MakeTheChange.Grains.Persistence;

/// <summary>Reads and writes one grain type's state in its own relational tables.</summary>
public interface IGrainStorage<TState> where TState : class, IGrainState<TState>
{
    /// <summary>
    /// The committed states of the grains with these keys, in the order of <paramref name="keys"/>
    /// (version 0 for a grain never written). Activations that start together are read together, so
    /// this should cost one round trip whatever the number of keys.
    /// </summary>
    Task<IReadOnlyList<TState>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the statements that store <paramref name="writes"/> to a shared transaction. Each write
    /// must be stored only if its row is still at <see cref="GrainWrite.ExpectedVersion"/>, and
    /// confirmed (<see cref="GrainWrite.Confirm"/>) when it was. A first write inserts the row and
    /// conflicts like any other write: two racing first writes must not both succeed.
    /// </summary>
    void AppendWrites(WriteBatch batch, IReadOnlyList<GrainWrite<TState>> writes);
}
