namespace MakeTheChange.Connectors.Lightspeed.Simulator.Control;

/// <summary>Body of the inventory control endpoints: <c>{"amount": 12}</c> (a number or a decimal string).</summary>
internal sealed record AmountBody(decimal? Amount);
