using MakeTheChange.Baseline.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MakeTheChange.Baseline.Reservations;

/// <summary>Holding stock for a reservation, all lines or none (api.md, "Reservations"), over <see cref="ReservationStore"/>.</summary>
public static class ReservationsEndpoints
{
    public static RouteGroupBuilder MapReservationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/reservations");
        group.MapPost("/", CreateAsync);
        group.MapGet("/{reservationId}", GetAsync);
        return group;
    }

    private static async Task<Results<Created<ReservationResponse>, Ok<ReservationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateReservationRequest? request,
        ReservationStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reservation = ReservationValidation.Validate(request, errors);
        if (reservation is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var outcome = await store.HoldAsync(reservation, cancellationToken);
        return outcome.Status switch
        {
            HoldStatus.Held => TypedResults.Created($"/api/reservations/{reservation.ReservationId}", ReservationResponse.Of(reservation)),
            HoldStatus.Repeated => TypedResults.Ok(ReservationResponse.Of(outcome.Reservation!)),
            HoldStatus.IdReused => ApiProblems.IdempotencyConflict("reservationId", reservation.ReservationId),
            _ => ApiProblems.Conflict(
                "Insufficient stock",
                $"Not every line can be held at '{reservation.LocationId}'; nothing was held. Short: {string.Join(", ", outcome.Insufficient!.Select(line => line.Sku))}.",
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["insufficient"] = outcome.Insufficient }),
        };
    }

    private static async Task<Results<Ok<ReservationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string reservationId,
        ReservationStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("reservationId", reservationId);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        return await store.GetAsync(reservationId, cancellationToken) is { } reservation
            ? TypedResults.Ok(ReservationResponse.Of(reservation))
            : ApiProblems.NotFound($"No reservation '{reservationId}'.");
    }
}
