using MakeTheChange.Baseline.Http;

namespace MakeTheChange.Baseline.Reservations;

/// <summary>What a reservation request must satisfy before it reaches the database; the hub's limits.</summary>
internal static class ReservationValidation
{
    public const int MaxLines = 100;

    public const int MaxQuantity = 1_000_000;

    public static Reservation? Validate(CreateReservationRequest? request, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return null;
        }

        errors.RequireId("reservationId", request.ReservationId);
        errors.RequireId("locationId", request.LocationId);
        errors.RequireId("channel", request.Channel);
        var lines = ValidateLines(request.Lines, errors);
        return errors.Any ? null : new Reservation(request.ReservationId!, request.LocationId!, lines);
    }

    private static List<ReservationLine> ValidateLines(IReadOnlyList<ReservationLineRequest?>? lines, ValidationErrors errors)
    {
        if (lines is not { Count: > 0 and <= MaxLines })
        {
            errors.Add("lines", $"lines holds 1 to {MaxLines} lines.");
            return [];
        }

        var valid = new List<ReservationLine>(lines.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            if (lines[i] is not { } line)
            {
                errors.Add(field, "A line is an object with sku and quantity.");
                continue;
            }

            errors.RequireId($"{field}.sku", line.Sku);
            if (line.Sku is not null && !seen.Add(line.Sku))
            {
                errors.Add($"{field}.sku", $"SKU '{line.Sku}' is on more than one line; put its whole quantity on one.");
            }

            if (line.Quantity is not (>= 1 and <= MaxQuantity))
            {
                errors.Add($"{field}.quantity", $"quantity is required, between 1 and {MaxQuantity}.");
            }
            else if (line.Sku is not null)
            {
                valid.Add(new ReservationLine(line.Sku, line.Quantity.Value));
            }
        }

        return valid;
    }
}
