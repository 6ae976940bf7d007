using MakeTheChange.Grains;
using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Reservations;

/// <summary>Click &amp; collect, online and B2B reservations (api.md, "Reservations").</summary>
public static class ReservationsEndpoints
{
    public static RouteGroupBuilder MapReservationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/reservations").WithTags("Reservations");
        group.MapPost("/", CreateAsync).WithSummary("Hold stock for a reservation, all lines or none").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{reservationId}", GetAsync).WithSummary("A reservation, with atRisk when a sale took its units").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{reservationId}/fulfil", FulfilAsync).WithSummary("The held units leave stock")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{reservationId}/release", ReleaseAsync).WithSummary("The held units are available again")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Created<ReservationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateReservationRequest? request,
        IGrainFactory grains,
        IOptions<ReservationOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var command = ReservationValidation.Validate(request, options.Value, errors);
        if (command is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var outcome = await grains.GetGrain<IReservationGrain>(command.ReservationId).Create(command, cancellationToken);
        switch (outcome.Status)
        {
            case ReservationCommandStatus.Done:
                return TypedResults.Created($"/api/reservations/{command.ReservationId}", ReservationResponse.Of(outcome.Reservation!));
            case ReservationCommandStatus.Insufficient:
                return ApiProblems.Conflict(
                    "Insufficient stock",
                    $"Not every line can be held at '{command.LocationId}'; nothing was held.",
                    new Dictionary<string, object?>(StringComparer.Ordinal) { ["insufficient"] = outcome.Insufficient });
            case ReservationCommandStatus.UnknownLocation:
                return ApiProblems.Invalid("locationId", $"No location '{command.LocationId}'.");
            case ReservationCommandStatus.UnknownSku:
                var unknown = new ValidationErrors();
                foreach (var sku in outcome.UnknownSkus!)
                {
                    unknown.Add($"lines[{command.Lines.IndexOf(command.Lines.First(line => line.Sku == sku))}].sku", $"No product with SKU '{sku}'.");
                }

                return ApiProblems.Invalid(unknown);
            case ReservationCommandStatus.NotOffered:
                return ApiProblems.Conflict("Click & collect not offered", $"Location '{command.LocationId}' does not offer click & collect.");
            default:
                return ApiProblems.IdempotencyConflict("reservationId", command.ReservationId);
        }
    }

    private static async Task<Results<Ok<ReservationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string reservationId,
        IGrainFactory grains,
        CancellationToken cancellationToken) =>
        await RunAsync(reservationId, (grain, token) => grain.Describe(token), grains, cancellationToken);

    private static async Task<Results<Ok<ReservationResponse>, ValidationProblem, ProblemHttpResult>> FulfilAsync(
        string reservationId,
        IGrainFactory grains,
        CancellationToken cancellationToken) =>
        await RunAsync(reservationId, (grain, token) => grain.Fulfil(token), grains, cancellationToken);

    private static async Task<Results<Ok<ReservationResponse>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        string reservationId,
        IGrainFactory grains,
        CancellationToken cancellationToken) =>
        await RunAsync(reservationId, (grain, token) => grain.Release(token), grains, cancellationToken);

    private static async Task<Results<Ok<ReservationResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        string reservationId,
        Func<IReservationGrain, CancellationToken, Task<ReservationOutcome>> call,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (!ResourceIds.IsValid(reservationId))
        {
            return ApiProblems.Invalid("reservationId", $"reservationId must be {ResourceIds.Rule}.");
        }

        var outcome = await call(grains.GetGrain<IReservationGrain>(reservationId), cancellationToken);
        return outcome.Status switch
        {
            ReservationCommandStatus.Done => TypedResults.Ok(ReservationResponse.Of(outcome.Reservation!)),
            ReservationCommandStatus.NotFound => ApiProblems.NotFound($"No reservation '{reservationId}'."),
            _ => ApiProblems.Conflict(
                "Reservation not held",
                $"Reservation '{reservationId}' is {outcome.Reservation!.Status.ToWire()}; only a held reservation can be fulfilled or released."),
        };
    }
}
