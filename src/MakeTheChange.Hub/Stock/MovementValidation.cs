using MakeTheChange.Hub.Http;

namespace MakeTheChange.Hub.Stock;

/// <summary>What a movement request must satisfy before it reaches a grain (api.md, "Stock").</summary>
internal static class MovementValidation
{
    /// <summary>No single movement moves more than a million units; a count may find up to the on-hand limit.</summary>
    public const int MaxQuantity = 1_000_000;

    public static StockMovementCommand? Validate(MovementRequest? request, string source, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return null;
        }

        errors.RequireId("movementId", request.MovementId);
        if (request.Kind is null)
        {
            errors.Add("kind", $"kind is required: one of {StockMovementKinds.Accepted}.");
        }
        else if (!StockMovementKinds.TryParseCommand(request.Kind, out _))
        {
            errors.Add("kind", $"kind must be one of {StockMovementKinds.Accepted} (got '{Truncate(request.Kind)}').");
        }

        var knownKind = StockMovementKinds.TryParseCommand(request.Kind, out var kind);
        ValidateQuantity(request, knownKind ? kind : null, errors);
        ValidateLot(request, knownKind ? kind : null, errors);
        errors.MaxLength("reason", request.Reason, 256);
        errors.MaxLength("reference", request.Reference, 128);
        if (errors.Any)
        {
            return null;
        }

        return new StockMovementCommand(
            request.MovementId!,
            kind,
            request.Quantity!.Value,
            request.Lot,
            request.BestBefore,
            request.Reason,
            request.Reference,
            request.OccurredAt,
            source);
    }

    private static void ValidateQuantity(MovementRequest request, StockMovementKind? kind, ValidationErrors errors)
    {
        if (request.Quantity is not { } quantity)
        {
            errors.Add("quantity", "quantity is required.");
            return;
        }

        switch (kind)
        {
            case StockMovementKind.Adjustment when quantity == 0 || Math.Abs(quantity) > MaxQuantity:
                errors.Add("quantity", $"An adjustment is a signed quantity between -{MaxQuantity} and {MaxQuantity}, not 0 (got {quantity}).");
                break;
            case StockMovementKind.Count when quantity < 0 || quantity > StockMovementRules.MaxOnHand:
                errors.Add("quantity", $"A count is the number of units found, between 0 and {StockMovementRules.MaxOnHand} (got {quantity}).");
                break;
            case StockMovementKind.Receipt or StockMovementKind.Sale or StockMovementKind.Return or StockMovementKind.Damage
                when quantity <= 0 || quantity > MaxQuantity:
                errors.Add("quantity", $"A {kind.Value.ToWire()} quantity is between 1 and {MaxQuantity} (got {quantity}).");
                break;
        }
    }

    private static void ValidateLot(MovementRequest request, StockMovementKind? kind, ValidationErrors errors)
    {
        if (request.Lot is { } lot && (lot.Length is 0 or > 64 || lot.StartsWith('@') || lot.Any(char.IsControl)))
        {
            errors.Add("lot", "lot is 1 to 64 characters, without control characters, not starting with '@'.");
        }

        if (request.Lot is not null && kind == StockMovementKind.Count)
        {
            errors.Add("lot", "A count is for the whole SKU at the location; it takes no lot.");
        }

        if (request.BestBefore is not null && kind is not null && kind is not (StockMovementKind.Receipt or StockMovementKind.Return or StockMovementKind.Adjustment))
        {
            errors.Add("bestBefore", "bestBefore describes units coming in: a receipt, a return or an adjustment.");
        }
    }

    private static string Truncate(string text) => text.Length > 32 ? $"{text[..32]}…" : text;
}
