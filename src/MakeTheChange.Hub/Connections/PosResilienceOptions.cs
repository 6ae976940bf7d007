namespace MakeTheChange.Hub.Connections;

/// <summary>How a connector retries a vendor's API (each connector binds its own section, e.g. <c>Hub:Square</c>).</summary>
public class PosResilienceOptions
{
    public int MaxRetryAttempts { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(10);
}
