namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>A SearchOrders request once validated.</summary>
internal sealed record OrderSearchCriteria(
    IReadOnlyList<string> LocationIds,
    IReadOnlyList<string>? States,
    string? RangeField,
    DateTimeOffset? RangeStart,
    DateTimeOffset? RangeEnd,
    string SortField,
    bool Descending,
    int Limit,
    OrderSearchPosition? After,
    bool ReturnEntries);
