using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;

/// <summary><c>GET /api/2.0/outlets</c>: a change feed like every 2.0 list.</summary>
internal static class OutletsEndpoints
{
    public static void MapOutletsEndpoints(this RouteGroupBuilder api) => api.MapGet("/2.0/outlets", List);

    private static IResult List(HttpRequest request, LightspeedSimulator simulator)
    {
        var query = PageQuery.TryRead(request.Query, out var error);
        return query is null
            ? LightspeedResults.BadRequest(error!)
            : LightspeedResults.Ok(simulator.Run(state => ChangeFeed.Page(state.Outlets.Values, outlet => outlet.Version, query, outlet => outlet.ToWire())));
    }
}
