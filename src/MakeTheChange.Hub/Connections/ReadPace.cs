namespace MakeTheChange.Hub.Connections;

/// <summary>
/// How often a connector may make a read that webhooks set off (a poll, a change-feed read): a bucket of
/// <c>burst</c> turns refilled at <c>perSecond</c>. A quiet POS gets its reads at once; in a storm, the
/// webhooks that arrive while waiting for the next turn share it. Thread-safe.
/// </summary>
public sealed class ReadPace
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _turns;
    private DateTimeOffset _countedAt;

    public ReadPace(double perSecond, int burst, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentNullException.ThrowIfNull(clock);
        (_perSecond, _burst, _clock) = (perSecond, burst, clock);
        _turns = burst;
        _countedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// Takes a turn for a read that <paramref name="notices"/> wait on, and says so; when none is free,
    /// defers them in <paramref name="batch"/> to the next turn, when the read comes with the notices that
    /// arrive meanwhile.
    /// </summary>
    public bool TryTakeOrDefer(InboundEventBatch batch, IEnumerable<InboundEvent> notices)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(notices);
        if (TryTake(out var wait))
        {
            return true;
        }

        foreach (var notice in notices)
        {
            batch.Defer(notice, wait);
        }

        return false;
    }

    /// <summary>Waits for a free turn and takes it.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (!TryTake(out var wait))
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(1), _clock, cancellationToken);
        }
    }

    /// <summary>Takes a turn when one is free now; otherwise takes nothing and says how long until one is.</summary>
    private bool TryTake(out TimeSpan wait)
    {
        lock (_gate)
        {
            Refill();
            if (_turns >= 1)
            {
                _turns--;
                wait = TimeSpan.Zero;
                return true;
            }

            wait = TimeSpan.FromSeconds((1 - _turns) / _perSecond);
            return false;
        }
    }

    private void Refill()
    {
        var now = _clock.GetUtcNow();
        _turns = Math.Min(_burst, _turns + ((now - _countedAt).TotalSeconds * _perSecond));
        _countedAt = now;
    }
}
