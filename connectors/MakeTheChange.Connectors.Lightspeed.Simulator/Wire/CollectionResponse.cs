namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary><c>{"data":[...],"version":{"min":..,"max":..}}</c>: a page of a 2.0 list (pos-apis.md §2.1).</summary>
internal sealed record CollectionResponse<T>(IReadOnlyList<T> Data, VersionRange Version);
