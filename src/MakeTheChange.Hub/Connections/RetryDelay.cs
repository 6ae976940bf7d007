namespace MakeTheChange.Hub.Connections;

internal static class RetryDelay
{
    /// <summary>The first delay, doubled after each failed attempt, capped.</summary>
    public static TimeSpan After(int attempts, ConnectorOptions options)
    {
        var doubled = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, options.MaxRetryDelay.TotalMilliseconds));
    }
}
