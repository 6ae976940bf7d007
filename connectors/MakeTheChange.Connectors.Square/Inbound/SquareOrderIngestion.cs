using System.Collections.Concurrent;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Connectors.Square.Mapping;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Stock;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// A completed Square order becomes one hub <c>sale</c> per line and one <c>return</c> per returned line.
/// Movement ids come from the order id and the line uid, so the same order seen twice (a webhook and the
/// poller, a duplicate delivery) changes stock once. The orders of a batch, and their lines, are applied
/// side by side: the stock grains commit concurrent calls together.
/// </summary>
internal sealed class SquareOrderIngestion(SquareItemMap items, PosMovements movements, SquareOrdersTakenIn takenIn)
{
    private const int OrdersAtOnce = 32;

    /// <summary>Applies these orders; returns why each order that could not be fully applied failed (the others are done).</summary>
    public async Task<IReadOnlyDictionary<string, string>> IngestAsync(SquareApiClient square, PosConnection connection, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var completed = orders.Where(order => string.Equals(order.State, "COMPLETED", StringComparison.Ordinal)).ToList();
        if (completed.Count == 0)
        {
            return failures;
        }

        var variationIds = completed
            .SelectMany(order => (order.LineItems ?? []).Select(line => line.CatalogObjectId)
                .Concat((order.Returns ?? []).SelectMany(returned => returned.ReturnLineItems ?? []).Select(line => line.CatalogObjectId)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var skus = await items.SkusForAsync(square, connection, variationIds, cancellationToken);
        await Parallel.ForEachAsync(
            completed,
            new ParallelOptions { MaxDegreeOfParallelism = OrdersAtOnce, CancellationToken = cancellationToken },
            async (order, token) =>
            {
                try
                {
                    await IngestAsync(connection, order, skus, token);
                    takenIn.Remember(connection.ConnectionId, order);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    failures[order.Id] = $"{exception.GetType().Name}: {exception.Message}";
                }
            });
        return failures;
    }

    private async Task IngestAsync(PosConnection connection, Order order, Dictionary<string, string> skus, CancellationToken cancellationToken)
    {
        if (connection.HubLocation(order.LocationId) is not { } locationId)
        {
            await movements.ParkAsync(connection, $"square-order-{order.Id}", $"Square location '{order.LocationId}' is not mapped to a hub location.", new { orderId = order.Id, order.LocationId }, cancellationToken);
            return;
        }

        var occurredAt = order.ClosedAt ?? order.UpdatedAt ?? order.CreatedAt;
        var sold = (order.LineItems ?? []).Select(line =>
            ApplyLineAsync(connection, locationId, order, StockMovementKind.Sale, $"sq-{order.Id}-{line.Uid}", line.CatalogObjectId, line.Quantity, occurredAt, skus, cancellationToken));
        var returned = (order.Returns ?? []).SelectMany(returns => returns.ReturnLineItems ?? []).Select(line =>
            ApplyLineAsync(connection, locationId, order, StockMovementKind.Return, $"sq-{order.Id}-r-{line.Uid}", line.CatalogObjectId, line.Quantity, occurredAt, skus, cancellationToken));
        await Task.WhenAll(sold.Concat(returned));
    }

    private async Task ApplyLineAsync(
        PosConnection connection,
        string locationId,
        Order order,
        StockMovementKind kind,
        string movementId,
        string? variationId,
        string quantityText,
        DateTimeOffset? occurredAt,
        Dictionary<string, string> skus,
        CancellationToken cancellationToken)
    {
        // A custom amount or a gift card has no catalog item: it moves no stock.
        if (variationId is null)
        {
            return;
        }

        var details = new { orderId = order.Id, variationId, quantity = quantityText, kind = kind.ToWire() };
        if (!skus.TryGetValue(variationId, out var sku))
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
