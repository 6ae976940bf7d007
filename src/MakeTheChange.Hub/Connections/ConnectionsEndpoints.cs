using MakeTheChange.Hub.Http;
using MakeTheChange.Hub.Locations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Connections;

/// <summary>POS connections: settings, health, parked events, reconciliation (api.md, "POS connections").</summary>
public static class ConnectionsEndpoints
{
    public static RouteGroupBuilder MapConnectionsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/connections").WithTags("POS connections");
        group.MapPut("/{connectionId}", PutAsync).WithSummary("Create or update a POS connection");
        group.MapGet("/{connectionId}", GetAsync).WithSummary("A connection, without its secrets, with its health").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{connectionId}/parked", GetParkedAsync).WithSummary("What could not be mapped, with why").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{connectionId}/reconcile", ReconcileAsync).WithSummary("Compare counts with the POS now and repair drift")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ConnectionResponse>, ValidationProblem>> PutAsync(
        string connectionId,
        ConnectionRequest? request,
        PosConnectionStore store,
        PosConnectionSetup setup,
        PosConnectors connectors,
        LocationCatalog locations,
        IOptions<HubOptions> hub,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var connection = await ConnectionValidation.ValidateAsync(connectionId, request, connectors, locations, hub.Value.PublicBaseUrl, errors, cancellationToken);
        if (connection is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var stored = await setup.SaveAsync(connection, cancellationToken);
        return TypedResults.Ok(ConnectionResponse.Of(stored, await store.GetHealthAsync(connectionId, cancellationToken)));
    }

    private static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> GetAsync(
        string connectionId,
        PosConnectionStore store,
        CancellationToken cancellationToken) =>
        ResourceIds.IsValid(connectionId) && await store.FindAsync(connectionId, cancellationToken) is { } connection
            ? TypedResults.Ok(ConnectionResponse.Of(connection, await store.GetHealthAsync(connectionId, cancellationToken)))
            : ApiProblems.NotFound($"No connection '{connectionId}'.");

    private static async Task<Results<Ok<ParkedEventList>, ProblemHttpResult>> GetParkedAsync(
        string connectionId,
        PosConnectionStore store,
        ParkedEvents parked,
        CancellationToken cancellationToken) =>
        ResourceIds.IsValid(connectionId) && await store.FindAsync(connectionId, cancellationToken) is not null
            ? TypedResults.Ok(new ParkedEventList(await parked.ListAsync(connectionId, cancellationToken)))
            : ApiProblems.NotFound($"No connection '{connectionId}'.");

    private static async Task<Results<Ok<ReconciliationReport>, ProblemHttpResult>> ReconcileAsync(
        string connectionId,
        PosConnectionStore store,
        PosConnectors connectors,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(connectionId)
            || await store.FindAsync(connectionId, cancellationToken) is not { } connection
            || connectors.Find(connection.Kind) is not { } connector)
        {
            return ApiProblems.NotFound($"No connection '{connectionId}'.");
        }

        var report = await connector.ReconcileAsync(connection, cancellationToken);
        await store.RecordReconciledAsync(connectionId, cancellationToken);
        return TypedResults.Ok(report);
    }
}
