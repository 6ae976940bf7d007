using System.Text.Json;
using MakeTheChange.Grains;
using MakeTheChange.Grains.Transactions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub.Http;

/// <summary>
/// Turns what escaped an endpoint into problem details: unreadable input is a 400 that says where it
/// is wrong, an unreachable database a 503 to retry, anything else a 500 that reveals nothing inside.
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
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
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
        BadHttpRequestException { InnerException: JsonException json } => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed request body",
            Detail = DescribeJsonError(json),
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
            Detail = badRequest.Message,
        },
        StorageUnavailableException storage => ApiProblems.ServiceUnavailable(storage.Message),
        GrainContentionException contention => ApiProblems.ServiceUnavailable(contention.Message),
        TransactionAbortedException => ApiProblems.ServiceUnavailable("The operation took too long and was abandoned; nothing was applied. Retry with the same id."),
        NpgsqlException { IsTransient: true } or TimeoutException => ApiProblems.ServiceUnavailable("The database is unreachable; nothing was applied. Retry later."),
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Unexpected error",
            Detail = "The hub failed to handle this request. The error was logged.",
        },
    };

    private static string DescribeJsonError(JsonException json)
    {
        var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : json.Path;
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"{where}: this field is not part of the request (check its spelling).";
        }

        // System.Text.Json names .NET types; what the JSON should have held is in the inner exception.
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            var inner = json.InnerException?.Message ?? string.Empty;
            var expected = true switch
            {
                _ when inner.Contains("Int32", StringComparison.Ordinal) => "a whole number between -2147483648 and 2147483647",
                _ when inner.Contains("as a number", StringComparison.Ordinal) => "a number, not a string",
                _ when inner.Contains("as a string", StringComparison.Ordinal) => "a string",
                _ when inner.Contains("as a boolean", StringComparison.Ordinal) => "true or false",
                _ when message.Contains("System.Collections", StringComparison.Ordinal) => "an array",
                _ when where == "the body" => "a JSON object",
                _ => "a value of another type (see /openapi/v1.json)",
            };
            return $"{where}: expected {expected}.";
        }

        var pathMarker = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathMarker < 0)
        {
            // The hub's own converters say what they expect, in words a caller understands.
            return $"{where}: {message}";
        }

        // Syntax errors: the first sentence says what the reader met ("'}' is an invalid start of a value.").
        return $"The body is not valid JSON at {where}: {message[..pathMarker]}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnexpected(string method, string path, Exception exception);
}
