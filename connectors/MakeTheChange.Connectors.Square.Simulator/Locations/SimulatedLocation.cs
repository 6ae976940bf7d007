namespace MakeTheChange.Connectors.Square.Simulator.Locations;

/// <summary>A location set up through the control API.</summary>
internal sealed record SimulatedLocation(string Id, string Name, DateTimeOffset CreatedAt);
