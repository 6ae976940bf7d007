using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace MakeTheChange.Hub.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers too).</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live")));
        group.MapGet("/ready", ReadyAsync);
    }

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> ReadyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return TypedResults.Ok(new HealthResponse("ready"));
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(ApiProblems.ServiceUnavailable("The database does not answer; the hub cannot serve requests that need it."));
        }
    }
}
