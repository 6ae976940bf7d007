using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Simulation.Faults;

/// <summary>How a request to a simulated vendor API is keyed in the stats: "METHOD /route", such as "GET /api/2.0/products/{productId}".</summary>
public static class ApiEndpointKey
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        return $"{http.Request.Method} {pattern}";
    }
}
