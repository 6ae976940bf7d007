namespace MakeTheChange.Connectors.Square.Simulator.Control;

/// <summary>Body of the inventory control endpoints: <c>{"quantity": 12}</c> (a number or a decimal string).</summary>
internal sealed record QuantityBody(decimal? Quantity);
