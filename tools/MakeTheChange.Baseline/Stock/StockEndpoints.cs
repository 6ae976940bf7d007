using MakeTheChange.Baseline.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MakeTheChange.Baseline.Stock;

/// <summary>The hub's stock level and movement endpoints (api.md, "Stock"), over <see cref="StockStore"/>.</summary>
public static class StockEndpoints
{
    public static RouteGroupBuilder MapStockEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/stock");
        group.MapGet("/{sku}/{locationId}", GetLevelAsync);
        group.MapPost("/{sku}/{locationId}/movements", PostMovementAsync);
        return group;
    }

    private static async Task<Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult>> GetLevelAsync(
        string sku,
        string locationId,
        StockStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        errors.RequireId("locationId", locationId);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        return await store.GetLevelAsync(sku, locationId, cancellationToken) is { } level
            ? TypedResults.Ok(StockLevelResponse.Of(level))
            : ApiProblems.NotFound($"No stock of SKU '{sku}' at location '{locationId}'.");
    }

    private static async Task<Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult>> PostMovementAsync(
        string sku,
        string locationId,
        MovementRequest? request,
        StockStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        errors.RequireId("locationId", locationId);
        var movement = MovementValidation.Validate(request, errors);
        if (movement is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var outcome = await store.ApplyMovementAsync(sku, locationId, movement, cancellationToken);
        return outcome.Status switch
        {
            MovementStatus.Applied or MovementStatus.Repeated => TypedResults.Ok(StockLevelResponse.Of(outcome.Level!)),
            MovementStatus.NotFound => ApiProblems.NotFound(outcome.Detail!),
            MovementStatus.IdReused => ApiProblems.IdempotencyConflict("movementId", movement.MovementId),
            _ => ApiProblems.Conflict("Movement refused", outcome.Detail!),
        };
    }
}
