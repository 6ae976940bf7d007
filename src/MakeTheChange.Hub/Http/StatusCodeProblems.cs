using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Hub.Http;

/// <summary>
/// Problem details for answers the framework gives without an endpoint's say (no route, wrong method,
/// body too large, wrong media type), so that every error still says what is wrong.
/// </summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"Nothing answers {http.Request.Method} {http.Request.Path}; see /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            StatusCodes.Status413PayloadTooLarge => $"The request body is larger than {HubApplication.MaxRequestBodyBytes / (1024 * 1024)} MB.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => $"The request could not be served ({status}).",
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
