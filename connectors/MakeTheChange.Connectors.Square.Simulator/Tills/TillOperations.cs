using System.Globalization;
using MakeTheChange.Connectors.Simulation;
using MakeTheChange.Connectors.Square.Simulator.Inventory;
using MakeTheChange.Connectors.Square.Simulator.Orders;
using MakeTheChange.Connectors.Square.Simulator.Payments;
using MakeTheChange.Connectors.Square.Simulator.State;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Tills;

/// <summary>
/// What a Square till does on a sale or a return: an order, a payment or refund, the stock
/// adjustments, and the webhooks Square sends for them. POS sales fire payment.* and
/// inventory.count.updated, never order.created (pos-apis.md §1.6, §1.7).
/// </summary>
internal static class TillOperations
{
    private const string TillSourceName = "Square Point of Sale";
    private const string RefundReason = "Returned goods";

    public static TillSaleResult RecordSale(SimulatorState state, string locationId, TillSale sale)
    {
        RequireLocation(state, locationId);
        var lines = ResolveLines(state, sale.Lines);
        var now = state.Clock.Next();
        var occurredAt = sale.OccurredAt?.ToUniversalTime() ?? now;
        if (occurredAt > now)
        {
            throw SimulatorRequestException.Invalid("occurredAt cannot be in the future.");
        }

        var orderId = SquareIds.NewOrderId();
        var paymentId = SquareIds.NewPaymentId();
        var items = lines.Select(line => new OrderLineItem(
            SquareIds.NewLineUid(),
            line.Variation.Name,
            line.QuantityText,
            line.Variation.Id,
            line.Variation.Version,
            line.Variation.Name,
            "ITEM",
            line.Variation.Price(SimulatorState.Currency),
            line.Total(SimulatorState.Currency),
            line.Total(SimulatorState.Currency))).ToList();
        var total = new Money(items.Sum(item => item.TotalMoney.Amount), SimulatorState.Currency);
        var payment = new Payment(
            paymentId,
            Rfc3339.Format(occurredAt),
            Rfc3339.Format(now),
            total,
            total,
            "COMPLETED",
            "CARD",
            locationId,
            orderId,
            paymentId[..4]);
        var order = new Order
        {
            Id = orderId,
            LocationId = locationId,
            Source = new OrderSource(TillSourceName),
            LineItems = items,
            Tenders = [new OrderTender(paymentId, locationId, orderId, Rfc3339.Format(occurredAt), total, "CARD", paymentId)],
            TotalMoney = total,
            CreatedAt = Rfc3339.Format(occurredAt),
            UpdatedAt = Rfc3339.Format(now),
            ClosedAt = Rfc3339.Format(occurredAt),
            State = "COMPLETED",
            Version = 1,
        };
        state.Orders.Add(new SimulatedOrder(order, occurredAt, now, occurredAt));
        state.Payments.Add(paymentId, payment);

        var changed = RecordAdjustments(state, locationId, lines, InventoryStates.InStock, InventoryStates.Sold, occurredAt, now, (change, line) => change with
        {
            TransactionId = orderId,
            TotalPriceMoney = line.Total(SimulatorState.Currency),
        });
        state.Raise(WebhookEventTypes.PaymentCreated, "payment", paymentId, new PaymentEventObject(payment));
        state.Raise(WebhookEventTypes.PaymentUpdated, "payment", paymentId, new PaymentEventObject(payment));
        state.RaiseInventoryCountsUpdated(changed);
        return new TillSaleResult(orderId, paymentId);
    }

    public static TillReturnResult RecordReturn(SimulatorState state, string locationId, TillReturn tillReturn)
    {
        RequireLocation(state, locationId);
        var source = tillReturn.SourceOrderId is { } sourceOrderId
            ? state.Orders.Find(sourceOrderId) ?? throw SimulatorRequestException.NotFound($"No order {sourceOrderId} to return from.")
            : null;
        var lines = ResolveLines(state, tillReturn.Lines);
        var now = state.Clock.Next();
        var orderId = SquareIds.NewOrderId();
        var paymentId = source?.Order.Tenders is [var tender, ..] ? tender.PaymentId : null;
        var refundId = SquareIds.NewRefundId(paymentId);
        var returnLines = lines.Select(line => new OrderReturnLineItem(
            SquareIds.NewLineUid(),
            source?.Order.LineItems?.FirstOrDefault(item => item.CatalogObjectId == line.Variation.Id)?.Uid,
            line.Variation.Name,
            line.QuantityText,
            line.Variation.Id,
            "ITEM",
            line.Variation.Price(SimulatorState.Currency),
            line.Total(SimulatorState.Currency))).ToList();
        var total = new Money(returnLines.Sum(item => item.TotalMoney.Amount), SimulatorState.Currency);
        var order = new Order
        {
            Id = orderId,
            LocationId = locationId,
            Source = new OrderSource(TillSourceName),
            Returns = [new OrderReturn(SquareIds.NewLineUid(), source?.Order.Id, returnLines)],
            Refunds = [new OrderRefund(refundId, locationId, orderId, paymentId, Rfc3339.Format(now), RefundReason, total, "COMPLETED")],
            TotalMoney = new Money(0, SimulatorState.Currency),
            ReturnAmounts = new OrderMoneyAmounts(total),
            CreatedAt = Rfc3339.Format(now),
            UpdatedAt = Rfc3339.Format(now),
            ClosedAt = Rfc3339.Format(now),
            State = "COMPLETED",
            Version = 1,
        };
        var refund = new Refund(refundId, "COMPLETED", total, paymentId, orderId, locationId, RefundReason, Rfc3339.Format(now), Rfc3339.Format(now));
        state.Orders.Add(new SimulatedOrder(order, now, now, now));
        state.Refunds.Add(refundId, refund);

        var changed = RecordAdjustments(state, locationId, lines, InventoryStates.UnlinkedReturn, InventoryStates.InStock, now, now, (change, _) => change with { RefundId = refundId });

        // A refund starts PENDING and completes later; refund.created shows it as it was first seen.
        state.Raise(WebhookEventTypes.RefundCreated, "refund", refundId, new RefundEventObject(refund with { Status = "PENDING" }));
        state.Raise(WebhookEventTypes.RefundUpdated, "refund", refundId, new RefundEventObject(refund));
        state.RaiseInventoryCountsUpdated(changed);
        return new TillReturnResult(orderId, refundId);
    }

    /// <summary>
    /// Records the till's stock adjustments; never refused, counts may go negative. Untracked
    /// variations get none, as in Square.
    /// </summary>
    private static List<StockKey> RecordAdjustments(
        SimulatorState state,
        string locationId,
        List<ResolvedTillLine> lines,
        string fromState,
        string toState,
        DateTimeOffset occurredAt,
        DateTimeOffset now,
        Func<InventoryChangeRecord, ResolvedTillLine, InventoryChangeRecord> complete)
    {
        var changed = new List<StockKey>();
        foreach (var line in lines.Where(line => line.Variation.TrackInventory))
        {
            var key = new StockKey(line.Variation.Id, locationId);
            state.Inventory.Record(complete(new InventoryChangeRecord(
                SquareIds.NewInventoryChangeId(),
                InventoryChangeTypes.Adjustment,
                key,
                ReferenceId: null,
                fromState,
                toState,
                line.Quantity,
                occurredAt,
                now,
                SourceApplication.SquarePos),
                line));
            if (!changed.Contains(key))
            {
                changed.Add(key);
            }
        }

        return changed;
    }

    private static void RequireLocation(SimulatorState state, string locationId)
    {
        if (!state.Locations.ContainsKey(locationId))
        {
            throw SimulatorRequestException.NotFound($"No location {locationId}; create it with PUT /simulator/locations/{locationId}.");
        }
    }

    private static List<ResolvedTillLine> ResolveLines(SimulatorState state, IReadOnlyList<TillLine>? lines)
    {
        if (lines is not { Count: > 0 })
        {
            throw SimulatorRequestException.Invalid("A till operation needs at least one line.");
        }

        return [.. lines.Select((line, index) => ResolveLine(state, line, index))];
    }

    private static ResolvedTillLine ResolveLine(SimulatorState state, TillLine line, int index)
    {
        if (line.Quantity <= 0 || Math.Round(line.Quantity, SquareQuantity.MaxDecimalPlaces) != line.Quantity)
        {
            throw SimulatorRequestException.Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"lines[{index}].quantity must be greater than 0, with at most {SquareQuantity.MaxDecimalPlaces} decimal places."));
        }

        var variation = (line.VariationId, line.Sku) switch
        {
            ({ } id, null) => state.Catalog.Find(id)
                ?? throw SimulatorRequestException.NotFound($"No item variation {id}."),
            (null, { } sku) => state.Catalog.FindBySku(sku) switch
            {
                [var single] => single,
                [] => throw SimulatorRequestException.NotFound($"No item variation with SKU {sku}."),
                _ => throw SimulatorRequestException.Invalid($"Several item variations have SKU {sku}; name the variation by id."),
            },
            _ => throw SimulatorRequestException.Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"lines[{index}] needs either variationId or sku, not both.")),
        };
        return new ResolvedTillLine(variation, line.Quantity);
    }
}
