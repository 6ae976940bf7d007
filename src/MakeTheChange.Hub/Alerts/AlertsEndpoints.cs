using System.Globalization;
using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Hub.Alerts;

/// <summary>What the back office must look at (reservations at risk, for now).</summary>
public static class AlertsEndpoints
{
    public static RouteGroupBuilder MapAlertsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).WithSummary("Alerts, newest first; unresolved ones unless includeResolved");
        group.MapPost("/{alertId:long}/resolve", ResolveAsync).WithSummary("Mark an alert as dealt with").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<AlertPage>, ValidationProblem>> ListAsync(
        bool? includeResolved,
        string? before,
        int? limit,
        AlertBook alerts,
        CancellationToken cancellationToken)
    {
        long? beforeId = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.Invalid("before", "before is the cursor returned as next by the previous page.");
            }

            beforeId = parsed;
        }

        if (limit is < 1 or > 500)
        {
            return ApiProblems.Invalid("limit", "limit is between 1 and 500.");
        }

        var take = limit ?? 100;
        var page = await alerts.ListAsync(includeResolved ?? false, beforeId, take, cancellationToken);
        var next = page.Count == take ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new AlertPage([.. page.Select(AlertResponse.Of)], next));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResolveAsync(long alertId, AlertBook alerts, CancellationToken cancellationToken) =>
        await alerts.ResolveAsync(alertId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"No alert {alertId}.");
}
