using MakeTheChange.Baseline.Http;

namespace MakeTheChange.Baseline.Stock;

/// <summary>What a movement request must satisfy before it reaches the database; the hub's rules.</summary>
internal static class MovementValidation
{
    public const int MaxQuantity = 1_000_000;

    public static MovementCommand? Validate(MovementRequest? request, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return null;
        }

        errors.RequireId("movementId", request.MovementId);
        var knownKind = MovementKinds.TryParse(request.Kind, out var kind);
        if (!knownKind)
        {
            errors.Add("kind", $"kind is required: one of {MovementKinds.Accepted}.");
        }

        if (request.Quantity is not { } quantity)
        {
            errors.Add("quantity", "quantity is required.");
        }
        else if (knownKind && kind is MovementKind.Adjustment && (quantity == 0 || Math.Abs(quantity) > MaxQuantity))
        {
            errors.Add("quantity", $"An adjustment is a signed quantity between -{MaxQuantity} and {MaxQuantity}, not 0 (got {quantity}).");
        }
        else if (knownKind && kind is not MovementKind.Adjustment && quantity is <= 0 or > MaxQuantity)
        {
            errors.Add("quantity", $"A {kind.ToWire()} quantity is between 1 and {MaxQuantity} (got {quantity}).");
        }

        return errors.Any ? null : new MovementCommand(request.MovementId!, kind, request.Quantity!.Value);
    }
}
