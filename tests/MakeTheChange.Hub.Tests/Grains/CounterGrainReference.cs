using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Tests.Grains;

internal sealed class CounterGrainReference(GrainReference<CounterGrain, CounterState> grain) : ICounterGrain
{
    public Task<long> Add(long amount, string callId) => grain.Invoke(g => g.Add(amount, callId));

    public Task<long> AddAndAnnounce(long amount, string callId) => grain.Invoke(g => g.AddAndAnnounce(amount, callId));

    public Task<long> AddSlowly(long amount, string callId, TimeSpan pause) => grain.InvokeExclusive(g => g.AddSlowly(amount, callId, pause));

    public Task<long> ReadValue() => grain.Read(state => state.Value);

    public Task<bool> SetAlarm(DateTimeOffset dueAt) => grain.Invoke(g => g.SetAlarm(dueAt));
}
