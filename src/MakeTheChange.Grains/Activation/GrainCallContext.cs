using MakeTheChange.Grains.Outbox;
using MakeTheChange.Grains.Reminders;

namespace MakeTheChange.Grains.Activation;

/// <summary>
/// What one execution of grain calls changed: the working state and the side effects that must be
/// written in the same transaction (outbox messages, the grain's next due date).
/// </summary>
internal sealed class GrainCallContext<TState>(TState start) where TState : class, IGrainState<TState>
{
    private readonly List<OutboxMessage> _outbox = [];

    public TState Start { get; private set; } = start;

    public TState State { get; set; } = start;

    public IReadOnlyList<OutboxMessage> Outbox => _outbox;

    public ReminderChange? Reminder { get; private set; }

    public bool HasChanges => !ReferenceEquals(State, Start) || _outbox.Count > 0 || Reminder is not null;

    public void Publish(OutboxMessage message) => _outbox.Add(message);

    public void ChangeReminder(ReminderChange change) => Reminder = change;

    public (TState State, int OutboxCount, ReminderChange? Reminder) Mark() => (State, _outbox.Count, Reminder);

    /// <summary>Puts back what <see cref="Mark"/> saw, undoing a call that failed.</summary>
    public void Restore((TState State, int OutboxCount, ReminderChange? Reminder) mark)
    {
        State = mark.State;
        _outbox.RemoveRange(mark.OutboxCount, _outbox.Count - mark.OutboxCount);
        Reminder = mark.Reminder;
    }

    /// <summary>After a commit in the middle of an exclusive call, later changes start from the committed state.</summary>
    public void Rebase(TState committed)
    {
        Start = committed;
        State = committed;
        _outbox.Clear();
        Reminder = null;
    }
}
