using System.Globalization;
using MakeTheChange.Connectors.Square.Simulator.State;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Checks a BatchChangeInventory request the way Square does (pos-apis.md §1.4, §1.7).</summary>
internal static class InventoryChangeValidation
{
    public const int MaxChanges = 100;
    public const int MaxIdempotencyKeyLength = 128;
    public const int MaxReferenceIdLength = 255;

    /// <summary>Square refuses an <c>occurred_at</c> older than 24 hours or in the future.</summary>
    public static readonly TimeSpan OccurredAtWindow = TimeSpan.FromHours(24);

    public static void ValidateIdempotencyKey(string? key, SquareValidation errors)
    {
        if (key is null)
        {
            errors.Missing("idempotency_key");
        }
        else if (key.Length == 0)
        {
            errors.Add(SquareErrorCodes.ValueTooShort, "`idempotency_key` must be at least 1 character long.", "idempotency_key");
        }
        else if (key.Length > MaxIdempotencyKeyLength)
        {
            errors.Add(
                SquareErrorCodes.ValueTooLong,
                string.Create(CultureInfo.InvariantCulture, $"`idempotency_key` must be at most {MaxIdempotencyKeyLength} characters long."),
                "idempotency_key");
        }
    }

    public static List<PendingInventoryChange> ValidateChanges(
        IReadOnlyList<InventoryChange?>? changes,
        SimulatorState state,
        SquareValidation errors)
    {
        if (changes is null)
        {
            errors.Missing("changes");
            return [];
        }

        if (changes.Count == 0)
        {
            errors.Add(SquareErrorCodes.ArrayEmpty, "`changes` must hold at least one change.", "changes");
            return [];
        }

        if (changes.Count > MaxChanges)
        {
            errors.Add(
                SquareErrorCodes.ArrayLengthTooLong,
                string.Create(CultureInfo.InvariantCulture, $"`changes` holds {changes.Count} changes; at most {MaxChanges} are allowed per request."),
                "changes");
            return [];
        }

        var valid = new List<PendingInventoryChange>(changes.Count);
        for (var index = 0; index < changes.Count; index++)
        {
            if (ValidateChange(changes[index], string.Create(CultureInfo.InvariantCulture, $"changes[{index}]"), state, errors) is { } change)
            {
                valid.Add(change);
            }
        }

        return valid;
    }

    private static PendingInventoryChange? ValidateChange(InventoryChange? change, string field, SimulatorState state, SquareValidation errors)
    {
        switch (change?.Type)
        {
            case null when change is null:
                errors.Missing(field);
                return null;
            case null:
                errors.Missing($"{field}.type");
                return null;
            case InventoryChangeTypes.Adjustment when change.Adjustment is { } adjustment:
                return ValidateAdjustment(adjustment, $"{field}.adjustment", state, errors);
            case InventoryChangeTypes.Adjustment:
                errors.Missing($"{field}.adjustment");
                return null;
            case InventoryChangeTypes.PhysicalCount when change.PhysicalCount is { } count:
                return ValidatePhysicalCount(count, $"{field}.physical_count", state, errors);
            case InventoryChangeTypes.PhysicalCount:
                errors.Missing($"{field}.physical_count");
                return null;
            case InventoryChangeTypes.Transfer:
                errors.Invalid($"{field}.type", "TRANSFER changes are not simulated; use ADJUSTMENT or PHYSICAL_COUNT.");
                return null;
            default:
                errors.Add(SquareErrorCodes.InvalidEnumValue, $"`{change.Type}` is not a valid InventoryChangeType.", $"{field}.type");
                return null;
        }
    }

    private static PendingInventoryChange? ValidateAdjustment(InventoryAdjustment adjustment, string field, SimulatorState state, SquareValidation errors)
    {
        var common = ValidateCommon(adjustment, field, mustBePositive: true, state, errors);
        var fromState = ValidateState(adjustment.FromState, $"{field}.from_state", errors);
        var toState = ValidateState(adjustment.ToState, $"{field}.to_state", errors);
        if (fromState is not null && toState is not null && !InventoryStates.IsSimulatedAdjustment(fromState, toState))
        {
            errors.Invalid(
                $"{field}.to_state",
                $"The simulator does not support an adjustment from {fromState} to {toState}; use NONE or UNLINKED_RETURN to IN_STOCK, or IN_STOCK to SOLD or WASTE.");
        }

        return common is { } fields && fromState is not null && toState is not null && !errors.HasErrors
            ? new PendingInventoryChange(InventoryChangeTypes.Adjustment, fields.Key, adjustment.ReferenceId, fromState, toState, fields.Quantity, fields.OccurredAt)
            : null;
    }

    private static PendingInventoryChange? ValidatePhysicalCount(InventoryPhysicalCount count, string field, SimulatorState state, SquareValidation errors)
    {
        var common = ValidateCommon(count, field, mustBePositive: false, state, errors);
        var countState = ValidateState(count.State, $"{field}.state", errors);
        if (countState is not null && countState != InventoryStates.InStock)
        {
            errors.Invalid($"{field}.state", $"The simulator tracks IN_STOCK counts only, not {countState}.");
        }

        return common is { } fields && countState is not null && !errors.HasErrors
            ? new PendingInventoryChange(InventoryChangeTypes.PhysicalCount, fields.Key, count.ReferenceId, FromState: null, countState, fields.Quantity, fields.OccurredAt)
            : null;
    }

    private static string? ValidateState(string? value, string field, SquareValidation errors)
    {
        if (value is null)
        {
            errors.Missing(field);
            return null;
        }

        if (!InventoryStates.All.Contains(value))
        {
            errors.Add(SquareErrorCodes.InvalidEnumValue, $"`{value}` is not a valid InventoryState.", field);
            return null;
        }

        if (InventoryStates.ReadOnly.Contains(value))
        {
            errors.Invalid(field, $"{value} is a read-only state: the API cannot move stock into or out of it.");
            return null;
        }

        return value;
    }

    private static (StockKey Key, decimal Quantity, DateTimeOffset OccurredAt)? ValidateCommon(
        IInventoryChangeFields change,
        string field,
        bool mustBePositive,
        SimulatorState state,
        SquareValidation errors)
    {
        if (change.ReferenceId is { Length: > MaxReferenceIdLength })
        {
            errors.Add(
                SquareErrorCodes.ValueTooLong,
                string.Create(CultureInfo.InvariantCulture, $"`reference_id` must be at most {MaxReferenceIdLength} characters long."),
                $"{field}.reference_id");
        }

        if (change.CatalogObjectType is { } type && type != "ITEM_VARIATION")
        {
            errors.Invalid($"{field}.catalog_object_type", $"Inventory is tracked for ITEM_VARIATION objects, not {type}.");
        }

        if (change.CatalogObjectId is null)
        {
            errors.Missing($"{field}.catalog_object_id");
        }
        else if (state.Catalog.Find(change.CatalogObjectId) is null)
        {
            errors.NotFound($"{field}.catalog_object_id", $"Item variation `{change.CatalogObjectId}` not found.");
        }

        if (change.LocationId is null)
        {
            errors.Missing($"{field}.location_id");
        }
        else if (!state.Locations.ContainsKey(change.LocationId))
        {
            errors.NotFound($"{field}.location_id", $"Location `{change.LocationId}` not found.");
        }

        var quantity = ValidateQuantity(change.Quantity, $"{field}.quantity", mustBePositive, errors);
        var occurredAt = ValidateOccurredAt(change.OccurredAt, $"{field}.occurred_at", state.Clock.WallNow, errors);
        return errors.HasErrors
            ? null
            : (new StockKey(change.CatalogObjectId!, change.LocationId!), quantity!.Value, occurredAt!.Value);
    }

    private static decimal? ValidateQuantity(string? text, string field, bool mustBePositive, SquareValidation errors)
    {
        if (text is null)
        {
            errors.Missing(field);
            return null;
        }

        if (!SquareQuantity.TryParse(text, out var quantity))
        {
            errors.Invalid(field, $"`{text}` is not a decimal string with at most {SquareQuantity.MaxDecimalPlaces} decimal places.");
            return null;
        }

        if (mustBePositive ? quantity <= 0 : quantity < 0)
        {
            errors.Invalid(field, mustBePositive ? "An adjustment quantity must be greater than 0." : "A physical count cannot be negative.");
            return null;
        }

        return quantity;
    }

    private static DateTimeOffset? ValidateOccurredAt(string? text, string field, DateTimeOffset now, SquareValidation errors)
    {
        if (text is null)
        {
            errors.Missing(field);
            return null;
        }

        if (!Rfc3339.TryParse(text, out var occurredAt))
        {
            errors.Add(SquareErrorCodes.InvalidTime, $"`{text}` is not an RFC 3339 time with an offset.", field);
            return null;
        }

        if (occurredAt > now)
        {
            errors.Invalid(field, "`occurred_at` cannot be in the future.");
            return null;
        }

        if (occurredAt < now - OccurredAtWindow)
        {
            errors.Invalid(field, "`occurred_at` cannot be older than 24 hours.");
            return null;
        }

        return occurredAt;
    }
}
