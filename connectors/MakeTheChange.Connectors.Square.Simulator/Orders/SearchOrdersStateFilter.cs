namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersStateFilter
{
    public IReadOnlyList<string>? States { get; init; }
}
