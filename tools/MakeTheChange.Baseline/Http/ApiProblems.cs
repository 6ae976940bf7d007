using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MakeTheChange.Baseline.Http;

/// <summary>Problem details (RFC 9457) with the hub's titles: a title, and a detail that says what is wrong.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(),
            detail: "The request is invalid; nothing was changed. See errors for each field.",
            title: "Invalid request");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);

    public static ProblemHttpResult IdempotencyConflict(string idName, string id) =>
        Conflict(
            "Id reused with a different request",
            $"{idName} '{id}' was already used for a different request; send the same request to repeat it, or use a new {idName}.");

    public static ProblemDetails ServiceUnavailable(string detail) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Service unavailable",
        Detail = detail,
    };
}
