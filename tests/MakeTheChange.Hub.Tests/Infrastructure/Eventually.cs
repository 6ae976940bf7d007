namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>Waits for something the hub does on its own (a sweep, a collection) to become true.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The value of <paramref name="probe"/> once it has not changed for <paramref name="quiet"/>; throws
    /// when it is still changing after <paramref name="within"/>.
    /// </summary>
    public static async Task<long> SettledAsync(Func<long> probe, TimeSpan quiet, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var before = probe();
        while (true)
        {
            await Task.Delay(quiet);
            var now = probe();
            if (now == before)
            {
                return now;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still changing after {within}: {before} then {now}.");
            }

            before = now;
        }
    }
}
