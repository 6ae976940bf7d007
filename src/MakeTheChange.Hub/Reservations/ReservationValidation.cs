using System.Collections.Immutable;
using MakeTheChange.Hub.Http;
using MakeTheChange.Hub.Stock;

namespace MakeTheChange.Hub.Reservations;

/// <summary>What a reservation request must satisfy before it reaches a grain (api.md, "Reservations").</summary>
internal static class ReservationValidation
{
    public const int MaxLines = 100;

    public static CreateReservationCommand? Validate(CreateReservationRequest? request, ReservationOptions options, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return null;
        }

        errors.RequireId("reservationId", request.ReservationId);
        errors.RequireId("locationId", request.LocationId);
        if (!ReservationWireNames.TryParseChannel(request.Channel, out var channel))
        {
            errors.Add("channel", $"channel is required: one of {ReservationWireNames.Channels}.");
        }

        if (request.CustomerId is not null)
        {
            errors.RequireId("customerId", request.CustomerId);
        }

        var maxTtl = (int)options.MaxTtl.TotalSeconds;
        if (request.TtlSeconds is < 1 || request.TtlSeconds > maxTtl)
        {
            errors.Add("ttlSeconds", $"ttlSeconds is between 1 and {maxTtl}.");
        }

        var lines = ValidateLines(request.Lines, errors);
        if (errors.Any)
        {
            return null;
        }

        return new CreateReservationCommand(request.ReservationId!, request.LocationId!, channel, request.CustomerId, request.TtlSeconds, lines);
    }

    private static ImmutableArray<ReservationLine> ValidateLines(IReadOnlyList<ReservationLineRequest?>? lines, ValidationErrors errors)
    {
        if (lines is not { Count: > 0 and <= MaxLines })
        {
            errors.Add("lines", $"lines holds 1 to {MaxLines} lines.");
            return [];
        }

        var valid = ImmutableArray.CreateBuilder<ReservationLine>(lines.Count);
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
            if (line.Quantity is not (> 0 and <= MovementValidation.MaxQuantity))
            {
                errors.Add($"{field}.quantity", $"quantity is required, between 1 and {MovementValidation.MaxQuantity}.");
            }

            // One line per SKU: a stock grain takes one hold per reservation.
            if (line.Sku is not null && !seen.Add(line.Sku))
            {
                errors.Add($"{field}.sku", $"SKU '{line.Sku}' appears on more than one line; put its whole quantity on one line.");
            }

            if (line.Sku is not null && line.Quantity is { } quantity)
            {
                valid.Add(new ReservationLine(line.Sku, quantity));
            }
        }

        return valid.ToImmutable();
    }
}
