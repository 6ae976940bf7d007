using System.Text.Json;
using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Outbox;
using MakeTheChange.Grains.Reminders;
using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Grains;

/// <summary>
/// A single-writer actor over a persisted state. The runtime runs one call at a time, in arrival
/// order, and answers a call that changed <see cref="State"/> only once the change is committed.
/// </summary>
/// <remarks>
/// Two kinds of methods, chosen by the grain's reference for each call:
/// <list type="bullet">
/// <item>batched methods are synchronous and only read and replace <see cref="State"/>. Calls queued
/// behind a write run together and are persisted in one write; if that write does not commit they
/// are run again from the reloaded state, so they must not do anything but compute;</item>
/// <item>exclusive methods are asynchronous, may call other grains inside a
/// <see cref="GrainTransaction"/>, and commit their own state with <see cref="CommitAsync"/>.</item>
/// </list>
/// This mirrors Orleans' non-reentrant grains with journaled state, without its runtime
/// (Orleans cannot be restored here: ../shared/docs/packages.md).
/// </remarks>
public abstract class Grain<TState> where TState : class, IGrainState<TState>
{
    private IGrainActivationContext<TState>? _activation;
    private GrainCallContext<TState>? _call;

    protected GrainId Id => Activation.Id;

    protected string Key => Activation.Id.Key;

    protected TimeProvider Clock => Activation.Clock;

    protected IGrainFactory GrainFactory => Activation.GrainFactory;

    /// <summary>The grain's state as the current call sees it.</summary>
    protected TState State
    {
        get => Call.State;
        set => Call.State = value;
    }

    private IGrainActivationContext<TState> Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not attached to an activation.");

    private GrainCallContext<TState> Call =>
        _call ?? throw new InvalidOperationException("Grain state is only available inside a grain call.");

    /// <summary>Writes an event to the outbox in the same transaction as this call's state.</summary>
    protected void Publish<TPayload>(string topic, string key, TPayload payload) =>
        Call.Publish(new OutboxMessage(topic, key, JsonSerializer.Serialize(payload, Activation.JsonOptions)));

    /// <summary>Sets the grain's next durable due date; the reminder sweep calls <see cref="OnReminderAsync"/> then.</summary>
    protected void SetReminder(DateTimeOffset dueAt) => Call.ChangeReminder(new ReminderChange(dueAt));

    protected void ClearReminder() => Call.ChangeReminder(ReminderChange.Cleared);

    protected GrainTransaction BeginTransaction() => Activation.BeginTransaction();

    /// <summary>
    /// Commits this grain's changes together with every grain enlisted in <paramref name="transaction"/>.
    /// Throws <see cref="TransactionConflictException"/> when a participant's state was stale; the
    /// runtime then runs the exclusive call again from fresh states.
    /// </summary>
    protected Task CommitAsync(GrainTransaction transaction) => Activation.CommitAsync(Call, transaction);

    /// <summary>Called by the reminder sweep once the due date set with <see cref="SetReminder"/> has passed.</summary>
    protected virtual Task OnReminderAsync(DateTimeOffset dueAt)
    {
        ClearReminder();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called when storage refused this grain's write for a reason of its own (for example a command
    /// id it already holds); the grain learns what it needs before its calls run again.
    /// </summary>
    protected virtual Task PrepareRetryAsync(object rejection, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{GetType().Name} does not handle the write rejection {rejection}.");

    /// <summary>Called once <paramref name="written"/> (with whatever it was waiting to write) is committed.</summary>
    protected virtual void OnCommitted(TState written)
    {
    }

    /// <summary>Whether a committed state may serve later calls; false forces a reload first
    /// (for a state that says "unknown", which may exist a moment later).</summary>
    protected virtual bool CanServeFromMemory(TState state) => true;

    internal Task ReceiveReminderAsync(DateTimeOffset dueAt) => OnReminderAsync(dueAt);

    internal Task LearnRejectionAsync(object rejection, CancellationToken cancellationToken) => PrepareRetryAsync(rejection, cancellationToken);

    internal void Committed(TState written) => OnCommitted(written);

    internal bool CanKeep(TState state) => CanServeFromMemory(state);

    internal void Attach(IGrainActivationContext<TState> activation) => _activation = activation;

    internal void Enter(GrainCallContext<TState> call) => _call = call;

    internal void Leave() => _call = null;
}
