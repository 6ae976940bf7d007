using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace MakeTheChange.Baseline.Http;

/// <summary>
/// Turns what escaped an endpoint into problem details: an unreadable body is a 400 validation problem
/// that says where it is wrong, an unreachable database a 503, anything else a 500 that reveals nothing.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
            return true;
        }

        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [FieldOf(json)] = [DescribeJsonError(json)] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = "The body is not the JSON this endpoint reads; nothing was changed. See errors.",
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Bad request",
            },
            Detail = badRequest.Message,
        },
        NpgsqlException { IsTransient: true } or TimeoutException =>
            ApiProblems.ServiceUnavailable("The database is unreachable; nothing was applied. Retry later."),
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Unexpected error",
            Detail = "The baseline failed to handle this request. The error was logged.",
        },
    };

    private static string FieldOf(JsonException json) =>
        string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path;

    private static string DescribeJsonError(JsonException json)
    {
        // System.Text.Json names .NET types; a caller needs to know what the JSON should have held.
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "This field is not part of the request (check its spelling).";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "This value has the wrong type: quantities are whole numbers, ids and kinds are strings, lines an array.";
        }

        // Syntax errors: the first sentence says what the reader met; the key already says where.
        var pathMarker = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return pathMarker < 0 ? message : message[..pathMarker];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnexpected(string method, string path, Exception exception);
}
