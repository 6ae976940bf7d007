using MakeTheChange.Connectors.Square.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Square.Simulator.Locations;

/// <summary><c>GET /v2/locations</c>: not paginated (pos-apis.md §1.2).</summary>
internal static class LocationsEndpoints
{
    public static void MapLocationsEndpoints(this RouteGroupBuilder v2) => v2.MapGet("/locations", List);

    private static IResult List(SquareSimulator simulator) =>
        SquareResults.Ok(simulator.Run(state => new ListLocationsResponse(
            [.. state.Locations.Values.OrderBy(location => location.CreatedAt).Select(state.ToSquareLocation)])));
}
