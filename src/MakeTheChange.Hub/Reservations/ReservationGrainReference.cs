using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Reservations;

/// <summary>How each <see cref="IReservationGrain"/> method reaches the grain (Orleans would generate this).</summary>
internal sealed class ReservationGrainReference(GrainReference<ReservationGrain, ReservationState> grain) : IReservationGrain
{
    public Task<ReservationOutcome> Create(CreateReservationCommand command, CancellationToken cancellationToken = default) =>
        grain.InvokeExclusive(g => g.Create(command), cancellationToken);

    public Task<ReservationOutcome> Fulfil(CancellationToken cancellationToken = default) =>
        grain.InvokeExclusive(g => g.Fulfil(), cancellationToken);

    public Task<ReservationOutcome> Release(CancellationToken cancellationToken = default) =>
        grain.InvokeExclusive(g => g.Release(), cancellationToken);

    public Task<ReservationOutcome> Describe(CancellationToken cancellationToken = default) =>
        grain.InvokeExclusive(g => g.Describe(), cancellationToken);
}
