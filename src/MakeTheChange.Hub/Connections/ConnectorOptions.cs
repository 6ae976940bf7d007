namespace MakeTheChange.Hub.Connections;

/// <summary>How often connectors poll, push and reconcile (configuration section <c>Hub:Connectors</c>).</summary>
public sealed class ConnectorOptions
{
    /// <summary>The safety net for what webhooks miss.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending pushes and inbound events are looked for when nothing signalled them.</summary>
    public TimeSpan WorkInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Scheduled comparison of counts with each POS, repairing drift.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A failed push or inbound event is retried after this, doubling up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many connections' webhook events are processed at once (each connection's in order, a batch at a time).</summary>
    public int MaxConcurrentConnections { get; set; } = 16;

    /// <summary>How long a worker owns the rows it took; past that another node may take them.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
}
