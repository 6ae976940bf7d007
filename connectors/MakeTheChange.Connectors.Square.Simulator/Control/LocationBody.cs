namespace MakeTheChange.Connectors.Square.Simulator.Control;

/// <summary>Body of <c>PUT /simulator/locations/{id}</c>.</summary>
internal sealed record LocationBody(string? Name);
