namespace MakeTheChange.Connectors.Square.Simulator.State;

/// <summary>
/// The simulator's time: strictly increasing, in whole microseconds. Every change gets its own
/// instant, so <c>calculated_at</c> / <c>updated_at</c> order events without ties and an
/// <c>updated_after</c> filter built from a returned time (even one stored with microsecond precision) never skips one.
/// Not thread-safe: used under the simulator's lock.
/// </summary>
internal sealed class SimulatorClock(TimeProvider time)
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>The wall clock, for checks such as Square's 24-hour rule on <c>occurred_at</c>.</summary>
    public DateTimeOffset WallNow => time.GetUtcNow();

    public DateTimeOffset Next()
    {
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);
        if (now <= _last)
        {
            now = _last.AddTicks(TicksPerMicrosecond);
        }

        _last = now;
        return now;
    }
}
