using System.Globalization;
using MakeTheChange.Connectors.Square.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>RetrieveOrder, BatchRetrieveOrders and SearchOrders (pos-apis.md §1.5).</summary>
internal static class OrdersEndpoints
{
    private const int MaxBatchOrderIds = 100;

    public static void MapOrdersEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapGet("/orders/{order_id}", Retrieve);
        v2.MapPost("/orders/batch-retrieve", BatchRetrieveAsync);
        v2.MapPost("/orders/search", SearchAsync);
    }

    private static IResult Retrieve([FromRoute(Name = "order_id")] string orderId, SquareSimulator simulator) =>
        simulator.Run(state => state.Orders.Find(orderId)) is { } order
            ? SquareResults.Ok(new RetrieveOrderResponse(order.Order))
            : SquareResults.NotFound($"Order `{orderId}` not found.");

    private static async Task<IResult> BatchRetrieveAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<BatchRetrieveOrdersRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var errors = new SquareValidation();
        if (body.Value!.OrderIds is not { Count: > 0 } orderIds)
        {
            errors.Missing("order_ids");
            return errors.ToResult();
        }

        if (orderIds.Count > MaxBatchOrderIds)
        {
            errors.Add(
                SquareErrorCodes.ArrayLengthTooLong,
                string.Create(CultureInfo.InvariantCulture, $"`order_ids` holds {orderIds.Count} ids; at most {MaxBatchOrderIds} are allowed."),
                "order_ids");
            return errors.ToResult();
        }

        var locationId = body.Value.LocationId;
        return SquareResults.Ok(simulator.Run(state =>
        {
            // Unknown ids are simply absent from the answer.
            var orders = orderIds.Distinct(StringComparer.Ordinal)
                .Select(state.Orders.Find)
                .OfType<SimulatedOrder>()
                .Where(order => locationId is null || order.Order.LocationId == locationId)
                .Select(order => order.Order)
                .ToList();
            return new BatchRetrieveOrdersResponse(orders.Count == 0 ? null : orders);
        }));
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<SearchOrdersRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var errors = new SquareValidation();
        var criteria = OrderSearch.Validate(body.Value!, errors);
        return criteria is null
            ? errors.ToResult()
            : SquareResults.Ok(simulator.Run(state => OrderSearch.Search(state.Orders, criteria)));
    }
}
