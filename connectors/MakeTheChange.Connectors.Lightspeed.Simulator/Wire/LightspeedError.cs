namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary><c>{"error":"Too Many Requests","message":"Rate limiting enforced"}</c>: X-Series' error body (pos-apis.md §2.1).</summary>
internal sealed record LightspeedError(string Error, string Message);
