namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary><c>{"data": ...}</c>: a single entity, or a list that is not a change feed.</summary>
internal sealed record DataResponse<T>(T Data);
