namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>The orders the simulated tills made. Not thread-safe: used under the simulator's lock.</summary>
internal sealed class OrderBook
{
    private readonly Dictionary<string, SimulatedOrder> _orders = new(StringComparer.Ordinal);

    public IEnumerable<SimulatedOrder> All => _orders.Values;

    public SimulatedOrder? Find(string id) => _orders.GetValueOrDefault(id);

    public void Add(SimulatedOrder order) => _orders.Add(order.Order.Id, order);
}
