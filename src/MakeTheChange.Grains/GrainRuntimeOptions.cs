namespace MakeTheChange.Grains;

/// <summary>Tuning of the grain runtime (configuration section <c>Hub:Grains</c>).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>An activation unused for this long is collected.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Past this many live activations the least recently used ones are collected.</summary>
    public int MaxActivations { get; set; } = 100_000;

    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many queued calls of one grain are persisted in one write.</summary>
    public int MaxCallsPerBatch { get; set; } = 256;

    /// <summary>How many times a grain's calls are run again after a stale write before giving up.</summary>
    public int MaxWriteAttempts { get; set; } = 8;

    /// <summary>A grain transaction not committed within this time is aborted and its participants freed.</summary>
    public TimeSpan TransactionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many grain writes share one PostgreSQL transaction.</summary>
    public int MaxWritesPerTransaction { get; set; } = 512;

    /// <summary>How long the write batcher waits for more writes before starting a transaction that is not full.</summary>
    public TimeSpan WriteLinger { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>At most this many activations of one grain type load their state in one read.</summary>
    public int MaxKeysPerRead { get; set; } = 256;

    /// <summary>Activation reads of one grain type in flight at once; activations starting meanwhile share the next one.</summary>
    public int MaxConcurrentReads { get; set; } = 2;

    /// <summary>Write transactions in flight at once.</summary>
    public int MaxConcurrentTransactions { get; set; } = 2;

    public TimeSpan ReminderSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A node that took a due reminder owns it this long; past that another node may retry it.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node tells the others it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Dispatched outbox messages are kept this long (to look into what happened), then deleted.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);
}
