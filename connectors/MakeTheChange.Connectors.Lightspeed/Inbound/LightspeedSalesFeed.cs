using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Connectors.Lightspeed.Mapping;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Stock;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// Lightspeed's sales change feed (<c>/sales?after=version</c>), the primary way sales come in: Lightspeed
/// itself says webhooks are not guaranteed (pos-apis.md §2.4). A closed sale becomes one hub <c>sale</c>
/// per line (a returned line, with a negative quantity, a <c>return</c>); a voided sale puts back what its
/// lines had taken. Movement ids come from the sale and line ids, so seeing a sale again changes nothing.
/// The sales of a page, and their lines, are applied side by side: the stock grains commit concurrent
/// calls together, and a page holds each sale once.
/// </summary>
internal sealed class LightspeedSalesFeed(LightspeedProductMap products, PosMovements movements, PosConnectionStore store)
{
    public const string Cursor = "lightspeed.sales.after";

    private const int SalesAtOnce = 32;

    /// <summary>
    /// Applies the sales changed since <paramref name="after"/>, a page at a time, moving the cursor after
    /// each page, until a page reaches <paramref name="upTo"/> or the feed ends.
    /// </summary>
    public async Task SyncAsync(LightspeedApiClient lightspeed, PosConnection connection, long after, long upTo, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await lightspeed.SalesAfterAsync(after, cancellationToken);
            if (page.Data is not { Count: > 0 } sales || page.Version?.Max is not { } max)
            {
                return;
            }

            var productIds = sales.SelectMany(sale => sale.LineItems ?? []).Select(line => line.ProductId).Distinct(StringComparer.Ordinal).ToList();
            var skus = await products.SkusForAsync(lightspeed, connection, productIds, cancellationToken);
            await Parallel.ForEachAsync(
                sales,
                new ParallelOptions { MaxDegreeOfParallelism = SalesAtOnce, CancellationToken = cancellationToken },
                async (sale, token) => await ApplyAsync(connection, sale, skus, token));
            after = max;
            await store.SetCursorAsync(connection.ConnectionId, Cursor, max.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (max >= upTo)
            {
                return;
            }
        }
    }

    private async Task ApplyAsync(PosConnection connection, Sale sale, Dictionary<string, string> skus, CancellationToken cancellationToken)
    {
        var voided = IsVoided(sale);
        if (!voided && !IsClosed(sale))
        {
            // Parked or pending sales have not moved stock yet.
            return;
        }

        if (connection.HubLocation(sale.OutletId) is not { } locationId)
        {
            await movements.ParkAsync(connection, $"ls-{sale.Id}", $"Lightspeed outlet '{sale.OutletId}' is not mapped to a hub location.", new { saleId = sale.Id, sale.OutletId }, cancellationToken);
            return;
        }

        await Task.WhenAll((sale.LineItems ?? []).Select(line => ApplyLineAsync(connection, sale, line, locationId, voided, skus, cancellationToken)));
    }

    private async Task ApplyLineAsync(PosConnection connection, Sale sale, SaleLineItem line, string locationId, bool voided, Dictionary<string, string> skus, CancellationToken cancellationToken)
    {
        var movementId = $"ls-{sale.Id}-{line.Id}";
        var details = new { saleId = sale.Id, lineId = line.Id, productId = line.ProductId, quantity = line.Quantity, voided };
        if (!LightspeedQuantity.TryUnits(line.Quantity, out var units) || units == 0)
        {
            await movements.ParkAsync(connection, movementId, $"Quantity {line.Quantity} is not a whole number of units.", details, cancellationToken);
            return;
        }

        if (!skus.TryGetValue(line.ProductId, out var sku))
        {
            await movements.ParkAsync(connection, movementId, $"Lightspeed product '{line.ProductId}' has no SKU.", details, cancellationToken);
            return;
        }

        // A returned unit has a negative quantity (pos-apis.md §2.3).
        var kind = units > 0 ? StockMovementKind.Sale : StockMovementKind.Return;
        if (voided)
        {
            // A void puts back what the closed sale took: only if the hub had applied it.
            if (!await movements.WasAppliedAsync(sku, locationId, movementId, cancellationToken))
            {
                return;
            }

            kind = kind == StockMovementKind.Sale ? StockMovementKind.Return : StockMovementKind.Sale;
            movementId += "-void";
        }

        await movements.ApplyAsync(
            connection,
            sku,
            locationId,
            new StockMovementCommand(movementId, kind, Math.Abs(units), null, null, voided ? "Lightspeed sale voided" : "Lightspeed till sale", sale.Id, sale.SaleDate, connection.Source),
            details,
            cancellationToken);
    }

    // Stock leaves when a sale is closed, on-account sales included (pos-apis.md §2.3).
    private static bool IsClosed(Sale sale) =>
        string.Equals(sale.State, "closed", StringComparison.Ordinal)
        || sale.Status is { } status && (status.EndsWith("CLOSED", StringComparison.Ordinal) || status == "ONACCOUNT");

    private static bool IsVoided(Sale sale) =>
        string.Equals(sale.State, "voided", StringComparison.Ordinal) || string.Equals(sale.Status, "VOIDED", StringComparison.Ordinal);
}
