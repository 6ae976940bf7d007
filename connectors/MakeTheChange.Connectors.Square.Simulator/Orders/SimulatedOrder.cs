namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>An order with its times as values, for searching and sorting.</summary>
internal sealed record SimulatedOrder(Order Order, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt)
{
    public DateTimeOffset? TimeOf(string field) => field switch
    {
        OrderSearch.CreatedAt => CreatedAt,
        OrderSearch.UpdatedAt => UpdatedAt,
        _ => ClosedAt,
    };
}
