namespace MakeTheChange.Hub.Health;

public sealed record HealthResponse(string Status);
