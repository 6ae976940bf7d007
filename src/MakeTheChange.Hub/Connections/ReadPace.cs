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

    /// <summary>How long until a turn is free; zero when one is free now.</summary>
    public TimeSpan NextTurnIn()
    {
        lock (_gate)
        {
            Refill();
            return _turns >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _turns) / _perSecond);
        }
    }

    /// <summary>Takes a turn when one is free now, and says so; otherwise takes nothing.</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            Refill();
            if (_turns < 1)
            {
                return false;
            }

            _turns--;
            return true;
        }
    }

    /// <summary>Waits for a free turn and takes it.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (!TryTake())
        {
            await Task.Delay(NextTurnIn() + TimeSpan.FromMilliseconds(1), _clock, cancellationToken);
        }
    }

    private void Refill()
    {
        var now = _clock.GetUtcNow();
        _turns = Math.Min(_burst, _turns + ((now - _countedAt).TotalSeconds * _perSecond));
        _countedAt = now;
    }
}
