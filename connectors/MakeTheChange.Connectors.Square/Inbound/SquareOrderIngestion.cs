using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Connectors.Square.Mapping;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Stock;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// A completed Square order becomes one hub <c>sale</c> per line and one <c>return</c> per returned line.
/// Movement ids come from the order id and the line uid, so the same order seen twice (a webhook and the
/// poller, a duplicate delivery) changes stock once.
/// </summary>
internal sealed class SquareOrderIngestion(SquareItemMap items, PosMovements movements)
{
    public async Task IngestAsync(SquareApiClient square, PosConnection connection, Order order, CancellationToken cancellationToken)
    {
        if (!string.Equals(order.State, "COMPLETED", StringComparison.Ordinal))
        {
            return;
        }

        if (connection.HubLocation(order.LocationId) is not { } locationId)
        {
            await movements.ParkAsync(connection, $"square-order-{order.Id}", $"Square location '{order.LocationId}' is not mapped to a hub location.", new { orderId = order.Id, order.LocationId }, cancellationToken);
            return;
        }

        var occurredAt = order.ClosedAt ?? order.UpdatedAt ?? order.CreatedAt;
        foreach (var line in order.LineItems ?? [])
        {
            await ApplyLineAsync(square, connection, locationId, order, StockMovementKind.Sale, $"sq-{order.Id}-{line.Uid}", line.CatalogObjectId, line.Quantity, occurredAt, cancellationToken);
        }

        foreach (var returned in order.Returns ?? [])
        {
            foreach (var line in returned.ReturnLineItems ?? [])
            {
                await ApplyLineAsync(square, connection, locationId, order, StockMovementKind.Return, $"sq-{order.Id}-r-{line.Uid}", line.CatalogObjectId, line.Quantity, occurredAt, cancellationToken);
            }
        }
    }

    private async Task ApplyLineAsync(
        SquareApiClient square,
        PosConnection connection,
        string locationId,
        Order order,
        StockMovementKind kind,
        string movementId,
        string? variationId,
        string quantityText,
        DateTimeOffset? occurredAt,
        CancellationToken cancellationToken)
    {
        // A custom amount or a gift card has no catalog item: it moves no stock.
        if (variationId is null)
        {
            return;
        }

        var details = new { orderId = order.Id, variationId, quantity = quantityText, kind = kind.ToWire() };
        if (await items.SkuForAsync(square, connection, variationId, cancellationToken) is not { } sku)
        {
            await movements.ParkAsync(connection, movementId, $"Square item variation '{variationId}' has no SKU.", details, cancellationToken);
            return;
        }

        if (!SquareQuantity.TryParseUnits(quantityText, out var units) || units <= 0)
        {
            await movements.ParkAsync(connection, movementId, $"Quantity '{quantityText}' is not a whole number of units.", details, cancellationToken);
            return;
        }

        await movements.ApplyAsync(
            connection,
            sku,
            locationId,
            new StockMovementCommand(movementId, kind, units, null, null, kind == StockMovementKind.Sale ? "Square till sale" : "Square till return", order.Id, occurredAt, connection.Source),
            details,
            cancellationToken);
    }
}
