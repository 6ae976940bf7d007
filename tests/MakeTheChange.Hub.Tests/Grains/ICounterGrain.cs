namespace MakeTheChange.Hub.Tests.Grains;

public interface ICounterGrain
{
    /// <summary>Batched: adds to the value.</summary>
    Task<long> Add(long amount, string callId);

    /// <summary>Batched: adds, and publishes the new value to the outbox.</summary>
    Task<long> AddAndAnnounce(long amount, string callId);

    /// <summary>Exclusive: adds after a pause, noting how many calls of this grain ran at once.</summary>
    Task<long> AddSlowly(long amount, string callId, TimeSpan pause);

    Task<long> ReadValue();

    /// <summary>Batched: the grain adds 1000 to its value once <paramref name="dueAt"/> has passed.</summary>
    Task<bool> SetAlarm(DateTimeOffset dueAt);
}
