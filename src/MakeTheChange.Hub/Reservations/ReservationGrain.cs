using MakeTheChange.Grains;
using MakeTheChange.Hub.Locations;
using MakeTheChange.Hub.Stock;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Reservations;

/// <summary>
/// Coordinates the stock grains of a reservation's lines. Each change (hold, fulfil, release, expire)
/// runs in one grain transaction with the reservation's own row: all lines or none, even if the
/// process dies half-way, since nothing is written before the single commit.
/// </summary>
internal sealed class ReservationGrain(LocationCatalog locations, IOptions<ReservationOptions> options) : Grain<ReservationState>
{
    public const string TypeName = "reservation";

    public async Task<ReservationOutcome> Create(CreateReservationCommand command)
    {
        if (State.Status != ReservationStatus.None)
        {
            return State.RequestHash.SequenceEqual(command.RequestHash)
                ? ReservationOutcome.Done(ReservationView.Of(State with { Status = ReservationStatus.Held, StatusChangedAt = State.CreatedAt }))
                : new ReservationOutcome(ReservationCommandStatus.IdReused);
        }

        var location = await locations.FindAsync(command.LocationId, CancellationToken.None);
        if (location is null)
        {
            return new ReservationOutcome(ReservationCommandStatus.UnknownLocation);
        }

        if (command.Channel == ReservationChannel.ClickAndCollect && !location.ClickAndCollect)
        {
            return new ReservationOutcome(ReservationCommandStatus.NotOffered);
        }

        var now = Clock.GetUtcNow();
        var expiresAt = now + (command.TtlSeconds is { } ttl ? TimeSpan.FromSeconds(ttl) : options.Value.DefaultTtl(command.Channel));
        var created = State with
        {
            Status = ReservationStatus.Held,
            LocationId = command.LocationId,
            Channel = command.Channel,
            CustomerId = command.CustomerId,
            ExpiresAt = expiresAt,
            CreatedAt = now,
            StatusChangedAt = now,
            Lines = command.Lines,
            RequestHash = command.RequestHash,
        };

        await using var transaction = BeginTransaction();
        var insufficient = new List<InsufficientLine>();
        var unknownSkus = new List<string>();
        foreach (var line in created.LinesInLockOrder)
        {
            var hold = await Stock(line.Sku, command.LocationId).Hold(transaction, State.ReservationId, line.Quantity, expiresAt, Source(command.Channel));
            switch (hold.Status)
            {
                case HoldStatus.Insufficient:
                    insufficient.Add(new InsufficientLine(line.Sku, line.Quantity, hold.Available));
                    break;
                case HoldStatus.UnknownSku:
                    unknownSkus.Add(line.Sku);
                    break;
                case HoldStatus.UnknownLocation:
                    return new ReservationOutcome(ReservationCommandStatus.UnknownLocation);
            }
        }

        if (unknownSkus.Count > 0)
        {
            return new ReservationOutcome(ReservationCommandStatus.UnknownSku, UnknownSkus: unknownSkus);
        }

        if (insufficient.Count > 0)
        {
            return new ReservationOutcome(ReservationCommandStatus.Insufficient, Insufficient: insufficient);
        }

        State = created;
        SetReminder(expiresAt);
        await CommitAsync(transaction);
        return ReservationOutcome.Done(ReservationView.Of(State));
    }

    public Task<ReservationOutcome> Fulfil() =>
        EndAsync(ReservationStatus.Fulfilled, (stock, transaction) => stock.FulfilHold(transaction, State.ReservationId, Source(State.Channel)));

    public Task<ReservationOutcome> Release() =>
        EndAsync(
            ReservationStatus.Released,
            (stock, transaction) => stock.ReleaseHold(transaction, State.ReservationId, StockMovementKind.Release, Source(State.Channel)));

    public async Task<ReservationOutcome> Describe()
    {
        if (State.Status == ReservationStatus.None)
        {
            return new ReservationOutcome(ReservationCommandStatus.NotFound);
        }

        if (IsDue())
        {
            await ExpireAsync();
        }

        var atRisk = false;
        if (State.Status == ReservationStatus.Held)
        {
            foreach (var line in State.Lines)
            {
                atRisk |= await Stock(line.Sku, State.LocationId).IsHoldCovered(State.ReservationId) != true;
            }
        }

        return ReservationOutcome.Done(ReservationView.Of(State, atRisk));
    }

    protected override async Task OnReminderAsync(DateTimeOffset dueAt)
    {
        if (State.Status != ReservationStatus.Held)
        {
            ClearReminder();
        }
        else if (IsDue())
        {
            await ExpireAsync();
        }
        else
        {
            SetReminder(State.ExpiresAt);
        }
    }

    private async Task<ReservationOutcome> EndAsync(ReservationStatus ending, Func<IStockGrain, Grains.Transactions.GrainTransaction, Task<bool>> endHold)
    {
        if (State.Status == ReservationStatus.None)
        {
            return new ReservationOutcome(ReservationCommandStatus.NotFound);
        }

        if (State.Status == ending)
        {
            return ReservationOutcome.Done(ReservationView.Of(State));
        }

        if (IsDue())
        {
            await ExpireAsync();
        }

        if (State.Status != ReservationStatus.Held)
        {
            return new ReservationOutcome(ReservationCommandStatus.NotHeld, ReservationView.Of(State));
        }

        await EndHoldsAsync(ending, endHold);
        return ReservationOutcome.Done(ReservationView.Of(State));
    }

    private Task ExpireAsync() =>
        EndHoldsAsync(
            ReservationStatus.Expired,
            (stock, transaction) => stock.ReleaseHold(transaction, State.ReservationId, StockMovementKind.Expire, Source(State.Channel)));

    private async Task EndHoldsAsync(ReservationStatus ending, Func<IStockGrain, Grains.Transactions.GrainTransaction, Task<bool>> endHold)
    {
        await using var transaction = BeginTransaction();
        foreach (var line in State.LinesInLockOrder)
        {
            if (!await endHold(Stock(line.Sku, State.LocationId), transaction))
            {
                throw new InvalidOperationException(
                    $"Reservation {State.ReservationId} is held but stock grain {StockKey.Of(line.Sku, State.LocationId)} holds nothing for it.");
            }
        }

        State = State with { Status = ending, StatusChangedAt = Clock.GetUtcNow() };
        ClearReminder();
        await CommitAsync(transaction);
    }

    private bool IsDue() => State.Status == ReservationStatus.Held && Clock.GetUtcNow() >= State.ExpiresAt;

    private IStockGrain Stock(string sku, string locationId) => GrainFactory.GetGrain<IStockGrain>(StockKey.Of(sku, locationId));

    private static string Source(ReservationChannel channel) => $"reservation/{channel.ToWire()}";
}
