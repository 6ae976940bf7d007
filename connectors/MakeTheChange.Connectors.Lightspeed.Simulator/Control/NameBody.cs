namespace MakeTheChange.Connectors.Lightspeed.Simulator.Control;

/// <summary>Body of <c>PUT /simulator/outlets/{id}</c>.</summary>
internal sealed record NameBody(string? Name);
