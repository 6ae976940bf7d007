namespace MakeTheChange.Grains;

/// <summary>
/// The persisted state of a grain. States are immutable: a call produces a new state, which is what
/// lets reads run against the last committed state while a write is in flight, and lets the runtime
/// throw a working state away when its write does not commit.
/// </summary>
public interface IGrainState<TSelf> where TSelf : class, IGrainState<TSelf>
{
    /// <summary>The version stored with the state; 0 when the grain was never written.</summary>
    long Version { get; }

    /// <summary>The state as it is once stored at <paramref name="version"/>: anything it was
    /// waiting to write (a journal of changes, for instance) is now written.</summary>
    TSelf Persisted(long version);
}
