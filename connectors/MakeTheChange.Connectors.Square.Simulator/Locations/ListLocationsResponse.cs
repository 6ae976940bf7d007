namespace MakeTheChange.Connectors.Square.Simulator.Locations;

internal sealed record ListLocationsResponse(IReadOnlyList<SquareLocation> Locations);
