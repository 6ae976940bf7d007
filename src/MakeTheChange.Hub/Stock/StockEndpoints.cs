using System.Globalization;
using MakeTheChange.Grains;
using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Hub.Stock;

/// <summary>Stock levels, movements, safety stock and the ledger (api.md, "Stock").</summary>
public static class StockEndpoints
{
    public const string ApiSource = "api";

    public static RouteGroupBuilder MapStockEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/stock").WithTags("Stock");
        group.MapGet("/{sku}", GetSkuAsync).WithSummary("A SKU at every location").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{sku}/{locationId}", GetLevelAsync).WithSummary("A SKU at one location").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{sku}/{locationId}/movements", PostMovementAsync).WithSummary("Record a stock movement")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{sku}/{locationId}/safety-stock", PutSafetyStockAsync).WithSummary("Set the safety stock").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{sku}/{locationId}/movements", GetLedgerAsync).WithSummary("The ledger, oldest first").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<SkuStockResponse>, ValidationProblem, ProblemHttpResult>> GetSkuAsync(
        string sku,
        StockQueries queries,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(sku))
        {
            return ApiProblems.Invalid("sku", $"sku must be {ResourceIds.Rule}.");
        }

        return await queries.GetSkuAsync(sku, cancellationToken) is { } stock
            ? TypedResults.Ok(stock)
            : ApiProblems.NotFound($"No product with SKU '{sku}'.");
    }

    private static async Task<Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult>> GetLevelAsync(
        string sku,
        string locationId,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (InvalidPath(sku, locationId) is { } invalid)
        {
            return invalid;
        }

        return ToResult(await Grain(grains, sku, locationId).GetLevel(cancellationToken));
    }

    private static async Task<Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult>> PostMovementAsync(
        string sku,
        string locationId,
        MovementRequest? request,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        errors.RequireId("locationId", locationId);
        var command = MovementValidation.Validate(request, ApiSource, errors);
        if (command is null)
        {
            return ApiProblems.Invalid(errors);
        }

        return ToResult(await Grain(grains, sku, locationId).ApplyMovement(command, cancellationToken));
    }

    private static async Task<Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult>> PutSafetyStockAsync(
        string sku,
        string locationId,
        SafetyStockRequest? request,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        errors.RequireId("locationId", locationId);
        if (request?.Quantity is not { } quantity || quantity < 0 || quantity > MovementValidation.MaxQuantity)
        {
            errors.Add("quantity", $"quantity is required, between 0 and {MovementValidation.MaxQuantity}.");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        return ToResult(await Grain(grains, sku, locationId).SetSafetyStock(request!.Quantity!.Value, ApiSource, cancellationToken));
    }

    private static async Task<Results<Ok<MovementPage>, ValidationProblem, ProblemHttpResult>> GetLedgerAsync(
        string sku,
        string locationId,
        string? after,
        int? limit,
        StockQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        errors.RequireId("locationId", locationId);
        long afterSeq = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq) || afterSeq < 0))
        {
            errors.Add("after", "after is the cursor returned as next by the previous page.");
        }

        if (limit is < 1 or > 1000)
        {
            errors.Add("limit", "limit is between 1 and 1000.");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        return await queries.GetLedgerAsync(sku, locationId, afterSeq, limit ?? 100, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : ApiProblems.NotFound($"No product '{sku}' or no location '{locationId}'.");
    }

    private static IStockGrain Grain(IGrainFactory grains, string sku, string locationId) =>
        grains.GetGrain<IStockGrain>(StockKey.Of(sku, locationId));

    private static ValidationProblem? InvalidPath(string sku, string locationId)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        errors.RequireId("locationId", locationId);
        return errors.Any ? ApiProblems.Invalid(errors) : null;
    }

    private static Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult> ToResult(StockCommandOutcome outcome) => outcome.Status switch
    {
        StockCommandStatus.Applied or StockCommandStatus.Repeated => TypedResults.Ok(StockLevelResponse.Of(outcome.Level!)),
        StockCommandStatus.UnknownSku or StockCommandStatus.UnknownLocation => ApiProblems.NotFound(outcome.Detail!),
        StockCommandStatus.IdReused => ApiProblems.IdempotencyConflict("movementId", outcome.Detail!),
        _ => ApiProblems.Conflict("Movement refused", outcome.Detail!),
    };
}
