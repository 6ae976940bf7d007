namespace MakeTheChange.Connectors.Square;

/// <summary>Tuning of the Square connector (configuration section <c>Hub:Square</c>).</summary>
public sealed class SquareConnectorOptions
{
    public int MaxRetryAttempts { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far back a poll looks again past its cursor, for changes recorded a little late.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromSeconds(5);
}
