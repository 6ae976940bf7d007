using MakeTheChange.Connectors.Simulation.Faults;
using MakeTheChange.Connectors.Square.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Square.Simulator.Faults;

/// <summary>
/// In front of every /v2 endpoint: counts the request, delays it, answers the fault in force if any,
/// then checks the bearer token (Square-Version is accepted and ignored).
/// </summary>
internal sealed class SquareApiGate(SquareSimulator simulator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (fault, latencyMs) = simulator.AdmitApiRequest(ApiEndpointKey.Of(http));
        if (latencyMs > 0)
        {
            await Task.Delay(latencyMs, http.RequestAborted);
        }

        switch (fault)
        {
            case ApiFault.Outage:
                return SquareResults.Error(
                    StatusCodes.Status503ServiceUnavailable,
                    SquareErrorCategories.ApiError,
                    SquareErrorCodes.ServiceUnavailable,
                    "Square is unavailable (simulated outage). Nothing was changed; retry later.");
            case ApiFault.RateLimited:
                return SquareResults.Error(
                    StatusCodes.Status429TooManyRequests,
                    SquareErrorCategories.RateLimitError,
                    SquareErrorCodes.RateLimited,
                    "Rate limit exceeded (simulated). Nothing was changed; back off and retry.");
            case ApiFault.ServerError:
                return SquareResults.Error(
                    StatusCodes.Status500InternalServerError,
                    SquareErrorCategories.ApiError,
                    SquareErrorCodes.InternalServerError,
                    "An internal error occurred (simulated). Nothing was changed; retry.");
        }

        if (!BearerToken.Matches(http.Request.Headers.Authorization.ToString(), simulator.AccessToken))
        {
            simulator.CountUnauthorized();
            return SquareResults.Error(
                StatusCodes.Status401Unauthorized,
                SquareErrorCategories.AuthenticationError,
                SquareErrorCodes.Unauthorized,
                "This request could not be authorized. Send Authorization: Bearer <access token>.");
        }

        return await next(context);
    }
}
