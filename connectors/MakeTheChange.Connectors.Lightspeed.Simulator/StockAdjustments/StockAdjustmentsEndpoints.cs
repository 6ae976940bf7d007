using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>
/// <c>POST /api/2026-07/stock_adjustments</c>, the stock delta, and <c>GET</c> of the same path, its list
/// (2026-07 spec): after a timeout a client reads back what it created before deciding to resend (pos-apis.md §2.5).
/// </summary>
internal static class StockAdjustmentsEndpoints
{
    public static void MapStockAdjustmentsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/2026-07/stock_adjustments", CreateAsync);
        api.MapGet("/2026-07/stock_adjustments", List);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, LightspeedSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await RequestBody<CreateStockAdjustmentsRequest>.ReadAsync(request, cancellationToken);
        return body.Failure ?? simulator.Run(state => StockAdjustmentBatch.Create(state, body.Value!));
    }

    private static IResult List(HttpRequest request, LightspeedSimulator simulator)
    {
        var query = PageQuery.TryRead(request.Query, out var error);
        return query is null
            ? LightspeedResults.BadRequest(error!)
            : LightspeedResults.Ok(simulator.Run(state => ChangeFeed.Page(state.StockAdjustments, adjustment => adjustment.Version, query, adjustment => adjustment)));
    }
}
