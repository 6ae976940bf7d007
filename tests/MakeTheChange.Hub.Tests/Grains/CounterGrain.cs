using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>The smallest grain that shows the runtime's properties.</summary>
internal sealed class CounterGrain(ConcurrencyProbe probe) : Grain<CounterState>
{
    public const string TypeName = "test-counter";

    public long Add(long amount, string callId)
    {
        State = State.Record(callId, amount);
        return State.Value;
    }

    /// <summary>Adds, and publishes the new value on <see cref="RecordingOutboxHandler.Topic"/>.</summary>
    public long AddAndAnnounce(long amount, string callId)
    {
        State = State.Record(callId, amount);
        Publish(RecordingOutboxHandler.Topic, Key, new { counter = Key, value = State.Value });
        return State.Value;
    }

    public async Task<long> AddSlowly(long amount, string callId, TimeSpan pause)
    {
        using (probe.Enter(Key))
        {
            await Task.Delay(pause);
            State = State.Record(callId, amount);
        }

        return State.Value;
    }

    public bool SetAlarm(DateTimeOffset dueAt)
    {
        SetReminder(dueAt);
        return true;
    }

    protected override Task OnReminderAsync(DateTimeOffset dueAt)
    {
        State = State.Record($"alarm-{dueAt:O}", 1000);
        ClearReminder();
        return Task.CompletedTask;
    }
}
