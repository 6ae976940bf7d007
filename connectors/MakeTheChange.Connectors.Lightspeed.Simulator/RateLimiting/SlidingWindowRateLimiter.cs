namespace MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

/// <summary>
/// A sliding-window log: a request is admitted while fewer than <c>Limit</c> admitted requests arrived within
/// the last window. X-Series does not say whether its 5-minute window slides or is fixed; a sliding one
/// never lets a burst of twice the budget through across a window boundary, so a client that stays under it
/// here stays under a fixed one too. Not thread-safe: used under the simulator's lock.
/// </summary>
internal sealed class SlidingWindowRateLimiter(RateLimitSettings settings)
{
    private readonly Queue<DateTimeOffset> _admitted = new();
    private readonly Queue<DateTimeOffset> _seen = new();

    public RateLimitSettings Settings { get; } = settings;

    /// <summary>The most requests (admitted or not) that arrived within one window so far.</summary>
    public long MaxRequestsInAnyWindow { get; private set; }

    /// <summary>Notes that a request arrived, whatever its answer will be.</summary>
    public void Observe(DateTimeOffset now)
    {
        _seen.Enqueue(now);
        Prune(_seen, now);
        MaxRequestsInAnyWindow = Math.Max(MaxRequestsInAnyWindow, _seen.Count);
    }

    public RateLimitDecision TryAcquire(DateTimeOffset now)
    {
        Prune(_admitted, now);
        if (_admitted.Count >= Settings.Limit)
        {
            return new RateLimitDecision(Admitted: false, Settings.Limit, Remaining: 0, _admitted.Peek() + Settings.Window);
        }

        _admitted.Enqueue(now);
        return new RateLimitDecision(Admitted: true, Settings.Limit, Settings.Limit - _admitted.Count, RetryAt: null);
    }

    public int Remaining(DateTimeOffset now)
    {
        Prune(_admitted, now);
        return Math.Max(0, Settings.Limit - _admitted.Count);
    }

    private void Prune(Queue<DateTimeOffset> log, DateTimeOffset now)
    {
        var windowStart = now - Settings.Window;
        while (log.Count > 0 && log.Peek() <= windowStart)
        {
            log.Dequeue();
        }
    }
}
