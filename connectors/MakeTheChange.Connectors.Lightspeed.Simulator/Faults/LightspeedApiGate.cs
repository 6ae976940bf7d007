using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using MakeTheChange.Connectors.Simulation.Faults;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

/// <summary>
/// In front of every /api endpoint: counts the request, checks the bearer token and the rate budget,
/// answers the fault in force if any, and writes the rate-limit headers X-Series puts on every answer
/// (<c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>; x-series-api.lightspeedhq.com/docs/rate_limiting).
/// </summary>
internal sealed class LightspeedApiGate(LightspeedSimulator simulator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authorized = BearerToken.Matches(http.Request.Headers.Authorization.ToString(), simulator.AccessToken);
        var admission = simulator.AdmitApiRequest(ApiEndpointKey.Of(http), authorized);
        if (admission.LatencyMs > 0)
        {
            await Task.Delay(admission.LatencyMs, http.RequestAborted);
        }

        http.Response.Headers["X-RateLimit-Limit"] = admission.Limit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = admission.Remaining.ToString(CultureInfo.InvariantCulture);
        switch (admission.Fault)
        {
            case ApiFault.Outage:
                return LightspeedResults.Error(
                    StatusCodes.Status503ServiceUnavailable,
                    ErrorTitles.ServiceUnavailable,
                    "Lightspeed is unavailable (simulated outage). Nothing was changed; retry later.");
            case ApiFault.Unauthorized:
                return LightspeedResults.Error(
                    StatusCodes.Status401Unauthorized,
                    ErrorTitles.Unauthorized,
                    "This request could not be authorized. Send Authorization: Bearer <access token>.");
            case ApiFault.RateLimited:
                http.Response.Headers.RetryAfter = IsoTime.HttpDate(RoundUpToSecond(admission.RetryAt!.Value));

                // The body X-Series documents for a 429, word for word (pos-apis.md §2.1).
                return LightspeedResults.Error(StatusCodes.Status429TooManyRequests, ErrorTitles.TooManyRequests, "Rate limiting enforced");
            case ApiFault.ServerError:
                return LightspeedResults.Error(
                    StatusCodes.Status500InternalServerError,
                    ErrorTitles.InternalServerError,
                    "An internal error occurred (simulated). Nothing was changed; retry.");
        }

        var result = await next(context);
        if (admission.LoseAnswer)
        {
            // The write is done; the client waits for an answer that never comes, until it gives up.
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }

        return result;
    }

    /// <summary>An HTTP-date has whole seconds: rounding up keeps a client that waits until then from being refused again.</summary>
    private static DateTimeOffset RoundUpToSecond(DateTimeOffset time)
    {
        var remainder = time.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? time : time.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}
