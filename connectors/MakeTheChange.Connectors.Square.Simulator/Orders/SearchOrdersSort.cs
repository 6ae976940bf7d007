namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersSort
{
    public string? SortField { get; init; }

    public string? SortOrder { get; init; }
}
