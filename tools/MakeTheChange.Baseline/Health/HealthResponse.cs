namespace MakeTheChange.Baseline.Health;

public sealed record HealthResponse(string Status);
