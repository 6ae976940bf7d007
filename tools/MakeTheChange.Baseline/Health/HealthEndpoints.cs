namespace MakeTheChange.Baseline.Health;

/// <summary>Liveness only: the load generator waits for it before it seeds and starts the clock.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health/live", () => TypedResults.Ok(new HealthResponse("live"))).AllowAnonymous();
}
