namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Stored webhook events of one connection, oldest first, handed to its connector together so that
/// events needing the same read (the same order, a poll of the same feed) share it. Each event counts as
/// processed unless the connector defers it (a read that will cover it may not be made yet) or fails it.
/// Safe to mark from concurrent tasks.
/// </summary>
public sealed class InboundEventBatch(IReadOnlyList<InboundEvent> events)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TimeSpan> _deferred = [];
    private readonly Dictionary<long, string> _failed = [];

    public IReadOnlyList<InboundEvent> Events => events;

    /// <summary>
    /// Leaves the event for later, due again after <paramref name="wait"/>: no failure, no attempt counted.
    /// An event already failed stays failed.
    /// </summary>
    public void Defer(InboundEvent inbound, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        lock (_gate)
        {
            if (!_failed.ContainsKey(inbound.Id))
            {
                _deferred[inbound.Id] = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }
    }

    /// <summary>The event could not be processed now: it is retried later with a growing delay. The error must hold no secret.</summary>
    public void Fail(InboundEvent inbound, string error)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        lock (_gate)
        {
            _failed[inbound.Id] = error;
            _deferred.Remove(inbound.Id);
        }
    }

    internal IReadOnlyDictionary<long, TimeSpan> Deferred
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<long, TimeSpan>(_deferred);
            }
        }
    }

    internal IReadOnlyDictionary<long, string> Failed
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<long, string>(_failed);
            }
        }
    }
}
