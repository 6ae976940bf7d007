using MakeTheChange.Connectors.Square.Api;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// The completed orders this node took in lately, with the update it took in. A till sale sends two
/// payment events (payment.created and payment.updated, pos-apis.md §1.6) and the poller finds the same
/// orders again: once an order is in, neither needs to fetch or apply it again. Kept in memory and
/// bounded; after a restart an order is simply applied again, which its movement ids make harmless.
/// Thread-safe.
/// </summary>
internal sealed class SquareOrdersTakenIn
{
    private const int Capacity = 50_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string ConnectionId, string OrderId), DateTimeOffset?> _updatedAt = [];
    private readonly Queue<(string ConnectionId, string OrderId)> _oldestFirst = new();

    /// <summary>Notes that every line of this completed order was applied (or parked).</summary>
    public void Remember(string connectionId, Order order)
    {
        var key = (connectionId, order.Id);
        lock (_gate)
        {
            if (_updatedAt.TryAdd(key, order.UpdatedAt))
            {
                _oldestFirst.Enqueue(key);
                if (_oldestFirst.Count > Capacity)
                {
                    _updatedAt.Remove(_oldestFirst.Dequeue());
                }
            }
            else
            {
                _updatedAt[key] = order.UpdatedAt;
            }
        }
    }

    /// <summary>Whether this order was taken in, whatever its update (a payment event does not say it).</summary>
    public bool Contains(string connectionId, string orderId)
    {
        lock (_gate)
        {
            return _updatedAt.ContainsKey((connectionId, orderId));
        }
    }

    /// <summary>Whether this very update of the order was taken in.</summary>
    public bool Contains(string connectionId, Order order)
    {
        lock (_gate)
        {
            return _updatedAt.TryGetValue((connectionId, order.Id), out var updatedAt) && updatedAt == order.UpdatedAt;
        }
    }
}
