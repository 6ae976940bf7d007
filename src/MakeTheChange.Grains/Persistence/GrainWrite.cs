using MakeTheChange.Grains.Outbox;
using MakeTheChange.Grains.Reminders;

namespace MakeTheChange.Grains.Persistence;

/// <summary>
/// One grain's change, to be stored only if the stored version is still <see cref="ExpectedVersion"/>.
/// Storage confirms each write whose version check passed; a write left unconfirmed was stale.
/// </summary>
public abstract class GrainWrite
{
    private protected GrainWrite(GrainId id, long expectedVersion, IReadOnlyList<OutboxMessage> outbox, ReminderChange? reminder)
    {
        Id = id;
        ExpectedVersion = expectedVersion;
        Outbox = outbox;
        Reminder = reminder;
    }

    public GrainId Id { get; }

    public long ExpectedVersion { get; }

    public long NewVersion => ExpectedVersion + 1;

    public IReadOnlyList<OutboxMessage> Outbox { get; }

    public ReminderChange? Reminder { get; }

    public WriteCheck Check { get; private set; }

    /// <summary>Why storage refused the write, when <see cref="Check"/> is <see cref="WriteCheck.Rejected"/>.</summary>
    public object? Rejection { get; private set; }

    /// <summary>The stored version was the expected one and the write went through.</summary>
    public void Confirm()
    {
        if (Check == WriteCheck.Pending)
        {
            Check = WriteCheck.Confirmed;
        }
    }

    /// <summary>The stored version was no longer the expected one: the write did not go through.</summary>
    public void MarkStale()
    {
        Check = WriteCheck.Stale;
        Rejection = null;
    }

    /// <summary>Storage refused the write for a reason the grain must learn before running its calls again.</summary>
    public void Reject(object rejection)
    {
        Check = WriteCheck.Rejected;
        Rejection = rejection;
    }

    internal abstract object Storage { get; }

    internal abstract void AppendGroup(WriteBatch batch, IReadOnlyList<GrainWrite> group);

    internal void ResetCheck()
    {
        Check = WriteCheck.Pending;
        Rejection = null;
    }

    internal void ConcludeCheck()
    {
        if (Check == WriteCheck.Pending)
        {
            Check = WriteCheck.Stale;
        }
    }
}

/// <summary>A grain's change from <see cref="Previous"/> (the committed state) to <see cref="Next"/>.</summary>
public sealed class GrainWrite<TState> : GrainWrite where TState : class, IGrainState<TState>
{
    private readonly IGrainStorage<TState> _storage;

    internal GrainWrite(
        GrainId id,
        TState previous,
        TState next,
        IReadOnlyList<OutboxMessage> outbox,
        ReminderChange? reminder,
        IGrainStorage<TState> storage)
        : base(id, previous.Version, outbox, reminder)
    {
        Previous = previous;
        Next = next;
        _storage = storage;
    }

    public TState Previous { get; }

    public TState Next { get; }

    internal override object Storage => _storage;

    internal override void AppendGroup(WriteBatch batch, IReadOnlyList<GrainWrite> group)
    {
        var writes = new GrainWrite<TState>[group.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = (GrainWrite<TState>)group[i];
        }

        _storage.AppendWrites(batch, writes);
    }
}
