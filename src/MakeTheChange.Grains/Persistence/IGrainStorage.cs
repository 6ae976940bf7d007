namespace MakeTheChange.Grains.Persistence;

/// <summary>Reads and writes one grain type's state in its own relational tables.</summary>
public interface IGrainStorage<TState> where TState : class, IGrainState<TState>
{
    /// <summary>The committed state of the grain with this key (version 0 when never written).</summary>
    Task<TState> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the statements that store <paramref name="writes"/> to a shared transaction. Each write
    /// must be stored only if its row is still at <see cref="GrainWrite.ExpectedVersion"/>, and
    /// confirmed (<see cref="GrainWrite.Confirm"/>) when it was. A first write inserts the row and
    /// conflicts like any other write: two racing first writes must not both succeed.
    /// </summary>
    void AppendWrites(WriteBatch batch, IReadOnlyList<GrainWrite<TState>> writes);
}
