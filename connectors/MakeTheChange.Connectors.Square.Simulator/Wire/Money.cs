namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>Square's Money: <c>amount</c> in the smallest currency unit, and the ISO 4217 currency.</summary>
internal sealed record Money(long Amount, string Currency);
