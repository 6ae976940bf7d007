namespace MakeTheChange.Hub.Reservations;

/// <summary>
/// One reservation (key: its id). It coordinates the stock grains of its lines: holding, fulfilling,
/// releasing and expiring all commit in one transaction with the reservation itself.
/// </summary>
public interface IReservationGrain
{
    Task<ReservationOutcome> Create(CreateReservationCommand command, CancellationToken cancellationToken = default);

    Task<ReservationOutcome> Fulfil(CancellationToken cancellationToken = default);

    Task<ReservationOutcome> Release(CancellationToken cancellationToken = default);

    /// <summary>The reservation now (expired first if its time is up), with whether a sale put its units at risk.</summary>
    Task<ReservationOutcome> Describe(CancellationToken cancellationToken = default);
}
