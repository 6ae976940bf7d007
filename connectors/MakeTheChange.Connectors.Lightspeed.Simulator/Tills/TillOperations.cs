using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.Sales;
using MakeTheChange.Connectors.Lightspeed.Simulator.State;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using MakeTheChange.Connectors.Simulation;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Tills;

/// <summary>
/// What an X-Series till does on a sale and on a void: the sale, the stock it moves, and the webhooks:
/// sale.update, then one inventory.update per stock change (pos-apis.md §2.4, §2.5). Stock drops when a
/// sale is CLOSED, and a CLOSED sale can only move to VOIDED (pos-apis.md §2.3).
/// </summary>
internal static class TillOperations
{
    public static TillSaleResult RecordSale(SimulatorState state, string outletId, TillSale sale)
    {
        var outlet = state.FindOutlet(outletId)
            ?? throw SimulatorRequestException.NotFound($"No outlet {outletId}; create it with PUT /simulator/outlets/{outletId}.");
        var returnFor = sale.ReturnFor is { } originalId
            ? state.FindSale(originalId)?.Id ?? throw SimulatorRequestException.NotFound($"No sale {originalId} to return from.")
            : null;
        if (sale.Lines is not { Count: > 0 })
        {
            throw SimulatorRequestException.Invalid("A till sale needs at least one line.");
        }

        var products = sale.Lines.Select((line, index) => ResolveProduct(state, line, index)).ToList();
        var lines = sale.Lines.Select((line, index) => new SimulatedSaleLine(
            LightspeedIds.NewId(),
            products[index].Id,
            Amounts.Normalize(line.Quantity),
            products[index].PriceExcludingTax,
            products[index].Tax)).ToList();
        var recorded = new SimulatedSale(
            LightspeedIds.NewId(),
            outlet.Id,
            outlet.RegisterId,
            state.UserId,
            state.NextInvoiceNumber(),
            SaleStatuses.Closed,
            SaleStatuses.ClosedState,
            state.Now,
            returnFor,
            state.NextVersion(),
            lines);
        state.Sales.Add(recorded.Id, recorded);
        state.Raise(WebhookEventTypes.SaleUpdate, recorded.Id, recorded.Version, recorded.ToEventPayload());

        // A sold unit leaves the outlet, a returned one (negative quantity) comes back; stock may go negative.
        foreach (var line in lines)
        {
            state.AdjustStock(new StockKey(line.ProductId, outlet.Id), -line.Quantity);
        }

        return new TillSaleResult(recorded.Id, recorded.InvoiceNumber, recorded.Version);
    }

    /// <summary>Voids a closed sale: its units go back to stock (a returned unit leaves again).</summary>
    public static TillSaleResult VoidSale(SimulatorState state, string saleId)
    {
        var sale = state.FindSale(saleId) ?? throw SimulatorRequestException.NotFound($"No sale {saleId}.");
        if (!string.Equals(sale.Status, SaleStatuses.Closed, StringComparison.Ordinal))
        {
            throw SimulatorRequestException.Conflict($"Sale {sale.Id} is {sale.Status}; only a CLOSED sale can be voided.");
        }

        var voided = sale with { Status = SaleStatuses.Voided, State = SaleStatuses.VoidedState, Version = state.NextVersion() };
        state.Sales[voided.Id] = voided;
        state.Raise(WebhookEventTypes.SaleUpdate, voided.Id, voided.Version, voided.ToEventPayload());
        foreach (var line in voided.Lines)
        {
            state.AdjustStock(new StockKey(line.ProductId, voided.OutletId), line.Quantity);
        }

        return new TillSaleResult(voided.Id, voided.InvoiceNumber, voided.Version);
    }

    private static SimulatedProduct ResolveProduct(SimulatorState state, TillLine line, int index)
    {
        if (line.Quantity == 0 || !Amounts.HasAtMostMaxDecimalPlaces(line.Quantity))
        {
            throw SimulatorRequestException.Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"lines[{index}].quantity must not be 0 (negative for a returned unit), with at most {Amounts.MaxDecimalPlaces} decimal places."));
        }

        return (line.ProductId, line.Sku) switch
        {
            ({ } id, null) => state.FindProduct(id) ?? throw SimulatorRequestException.NotFound($"No product {id}."),
            (null, { } sku) => state.Products.Values.FirstOrDefault(product => string.Equals(product.Sku, sku, StringComparison.Ordinal))
                ?? throw SimulatorRequestException.NotFound($"No product with SKU {sku}."),
            _ => throw SimulatorRequestException.Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"lines[{index}] needs either productId or sku, not both.")),
        };
    }
}
