using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.State;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>
/// Creates a batch of stock adjustments (pos-apis.md §2.5 option 3). Every item is checked before any is
/// applied, so a batch applies whole or not at all (the docs leave this open). Nothing deduplicates a
/// batch sent twice: X-Series has no idempotency key here, so neither has the simulator.
/// </summary>
internal static class StockAdjustmentBatch
{
    public const int MaxItems = 1000;
    private const int MaxQuantityLength = 32;

    public static IResult Create(SimulatorState state, CreateStockAdjustmentsRequest request)
    {
        if (request.StockAdjustments is not { Count: > 0 and <= MaxItems } items)
        {
            return LightspeedResults.BadRequest(string.Create(CultureInfo.InvariantCulture, $"stock_adjustments must hold 1 to {MaxItems} items."));
        }

        var valid = new List<ValidStockAdjustment>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = Validate(state, items[index], string.Create(CultureInfo.InvariantCulture, $"stock_adjustments[{index}]"), out var error);
            if (item is null)
            {
                return LightspeedResults.BadRequest(error!);
            }

            valid.Add(item);
        }

        var now = IsoTime.Format(state.Now);
        var created = new List<StockAdjustment>(valid.Count);
        foreach (var item in valid)
        {
            var adjustment = new StockAdjustment(
                LightspeedIds.NewId(),
                state.UserId,
                item.Key.ProductId,
                item.Key.OutletId,
                Amounts.Quantity(item.Quantity),
                item.Reason,
                now,
                now,
                state.NextVersion());
            state.StockAdjustments.Add(adjustment);
            state.AdjustStock(item.Key, item.Quantity);
            created.Add(adjustment);
        }

        // The 2026-07 spec answers 201 with the created adjustments, in the order of the request.
        return LightspeedResults.Created(new DataResponse<IReadOnlyList<StockAdjustment>>(created));
    }

    private static ValidStockAdjustment? Validate(SimulatorState state, CreateStockAdjustmentItem? item, string field, out string? error)
    {
        error = null;
        if (state.FindProduct(item?.ProductId) is not { } product)
        {
            error = $"{field}.product_id names no product: {item?.ProductId ?? "(missing)"}.";
            return null;
        }

        if (state.FindOutlet(item!.OutletId) is not { } outlet)
        {
            error = $"{field}.outlet_id names no outlet: {item.OutletId ?? "(missing)"}.";
            return null;
        }

        if (item.Quantity is not { Length: <= MaxQuantityLength } || !Amounts.TryParseNumericString(item.Quantity, out var quantity) || quantity == 0)
        {
            error = $"{field}.quantity must be a non-zero numeric string such as \"-3\", with at most {Amounts.MaxDecimalPlaces} decimal places.";
            return null;
        }

        var reason = item.Reason ?? string.Empty;
        if (string.Equals(reason, StockAdjustmentReasons.Custom, StringComparison.Ordinal))
        {
            error = $"{field}.reason CUSTOM is not simulated; use one of the built-in reasons.";
            return null;
        }

        var negative = StockAdjustmentReasons.Negative.Contains(reason);
        if (!negative && !StockAdjustmentReasons.Positive.Contains(reason))
        {
            error = $"{field}.reason must be one of {string.Join(", ", StockAdjustmentReasons.Negative.Concat(StockAdjustmentReasons.Positive))}.";
            return null;
        }

        if (negative != quantity < 0)
        {
            error = negative
                ? $"{field}.quantity must be negative for reason {reason}."
                : $"{field}.quantity must be positive for reason {reason}.";
            return null;
        }

        return new ValidStockAdjustment(new StockKey(product.Id, outlet.Id), quantity, reason);
    }
}
