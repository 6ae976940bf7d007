using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Sales;

/// <summary><c>GET /api/2.0/sales</c>, the sales change feed (no date filter), and <c>GET /api/2.0/sales/{id}</c> (pos-apis.md §2.3).</summary>
internal static class SalesEndpoints
{
    public static void MapSalesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/2.0/sales", List);
        api.MapGet("/2.0/sales/{saleId}", Get);
    }

    private static IResult List(HttpRequest request, LightspeedSimulator simulator)
    {
        var query = PageQuery.TryRead(request.Query, out var error);
        return query is null
            ? LightspeedResults.BadRequest(error!)
            : LightspeedResults.Ok(simulator.Run(state => ChangeFeed.Page(state.Sales.Values, sale => sale.Version, query, sale => sale.ToWire())));
    }

    private static IResult Get(string saleId, LightspeedSimulator simulator) =>
        simulator.Run(state => state.FindSale(saleId) is { } sale
            ? LightspeedResults.Ok(new DataResponse<Sale>(sale.ToWire()))
            : LightspeedResults.NotFound($"No sale {saleId}."));
}
