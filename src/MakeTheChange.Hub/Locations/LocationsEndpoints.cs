using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Hub.Locations;

/// <summary>Stores, warehouses and partner stock points (api.md, "Locations and products").</summary>
public static class LocationsEndpoints
{
    public static RouteGroupBuilder MapLocationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/locations").WithTags("Locations");
        group.MapPut("/{locationId}", PutAsync).WithSummary("Create or update a location");
        group.MapGet("/{locationId}", GetAsync).WithSummary("A location").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithSummary("Every location");
        return group;
    }

    private static async Task<Results<Ok<LocationResponse>, ValidationProblem>> PutAsync(
        string locationId,
        LocationRequest? request,
        LocationCatalog catalog,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("locationId", locationId);
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            {
                errors.Add("name", "name is required, at most 200 characters.");
            }

            if (!LocationCatalog.IsKind(request.Kind))
            {
                errors.Add("kind", $"kind is required: one of {LocationCatalog.Kinds}.");
            }

            if (request.ClickAndCollect is null)
            {
                errors.Add("clickAndCollect", "clickAndCollect is required: true or false.");
            }
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var location = await catalog.UpsertAsync(locationId, request!.Name!.Trim(), request.Kind!, request.ClickAndCollect!.Value, cancellationToken);
        return TypedResults.Ok(LocationResponse.Of(location));
    }

    private static async Task<Results<Ok<LocationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string locationId,
        LocationCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(locationId))
        {
            return ApiProblems.Invalid("locationId", $"locationId must be {ResourceIds.Rule}.");
        }

        return await catalog.FindAsync(locationId, cancellationToken) is { } location
            ? TypedResults.Ok(LocationResponse.Of(location))
            : ApiProblems.NotFound($"No location '{locationId}'.");
    }

    private static async Task<Ok<LocationList>> ListAsync(LocationCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(new LocationList([.. (await catalog.ListAsync(cancellationToken)).Select(LocationResponse.Of)]));
}
