namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record OrderSource(string Name);
