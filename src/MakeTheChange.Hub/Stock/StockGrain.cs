using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Stock;

/// <summary>
/// The single writer of one SKU at one location. Its calls only compute over <see cref="StockState"/>
/// (the rules live in <see cref="StockMovementRules"/> and <see cref="StockHoldRules"/>), so the
/// runtime persists the calls queued behind a write together, and can run them again when needed.
/// </summary>
internal sealed class StockGrain(StockStorage storage) : Grain<StockState>
{
    public const string TypeName = "stock";

    private readonly RecordedMovements _recorded = new();

    public static StockCommandOutcome Level(StockState state) =>
        state.Catalog == StockCatalogStatus.Known
            ? new StockCommandOutcome(StockCommandStatus.Applied, StockLevel.Of(state))
            : StockCommandOutcome.Unknown(state);

    public StockCommandOutcome ApplyMovement(StockMovementCommand command)
    {
        if (State.Catalog != StockCatalogStatus.Known)
        {
            return StockCommandOutcome.Unknown(State);
        }

        if (FindRecorded(command.MovementId) is { } recorded)
        {
            return recorded.RequestHash.SequenceEqual(command.RequestHash)
                ? new StockCommandOutcome(StockCommandStatus.Repeated, StockLevel.After(State.Sku, State.LocationId, recorded))
                : new StockCommandOutcome(StockCommandStatus.IdReused, Detail: command.MovementId);
        }

        var decision = StockMovementRules.Apply(State, command, Clock.GetUtcNow());
        if (decision.State is null)
        {
            return StockCommandOutcome.Refused(decision.Refusal!);
        }

        State = decision.State;
        PublishHoldsAtRisk(decision.NewlyAtRisk, command.MovementId);

        // The entry already holds the level after it, lots in order: no second sort of the lots.
        return new StockCommandOutcome(StockCommandStatus.Applied, StockLevel.After(State.Sku, State.LocationId, State.Unsaved[^1]));
    }

    public StockCommandOutcome SetSafetyStock(int quantity, string source)
    {
        if (State.Catalog != StockCatalogStatus.Known)
        {
            return StockCommandOutcome.Unknown(State);
        }

        State = StockMovementRules.SetSafetyStock(State, quantity, source, Clock.GetUtcNow());
        return new StockCommandOutcome(StockCommandStatus.Applied, StockLevel.Of(State));
    }

    public HoldOutcome Hold(string reservationId, int quantity, DateTimeOffset expiresAt, string source)
    {
        if (State.Catalog != StockCatalogStatus.Known)
        {
            return new HoldOutcome(State.Catalog == StockCatalogStatus.UnknownSku ? HoldStatus.UnknownSku : HoldStatus.UnknownLocation, 0);
        }

        var (next, outcome) = StockHoldRules.Hold(State, reservationId, quantity, expiresAt, source, Clock.GetUtcNow());
        State = next;
        return outcome;
    }

    public bool ReleaseHold(string reservationId, StockMovementKind kind, string source)
    {
        if (StockHoldRules.Release(State, reservationId, kind, source, Clock.GetUtcNow()) is not { } released)
        {
            return false;
        }

        State = released;
        return true;
    }

    public bool FulfilHold(string reservationId, string source)
    {
        if (StockHoldRules.Fulfil(State, reservationId, source, Clock.GetUtcNow()) is not { State: { } fulfilled } decision)
        {
            return false;
        }

        State = fulfilled;
        PublishHoldsAtRisk(decision.NewlyAtRisk, $"fulfil:{reservationId}");
        return true;
    }

    protected override void OnCommitted(StockState written) => _recorded.Committed(written.Unsaved);

    protected override async Task PrepareRetryAsync(object rejection, CancellationToken cancellationToken)
    {
        if (rejection is not DuplicateMovements duplicates)
        {
            await base.PrepareRetryAsync(rejection, cancellationToken);
            return;
        }

        var (sku, locationId) = StockKey.Parse(Key);
        _recorded.Reported(await storage.ReadMovementsAsync(sku, locationId, duplicates.MovementIds, cancellationToken));
    }

    // A SKU or location that does not exist yet may be created a moment later: never keep that answer.
    protected override bool CanServeFromMemory(StockState state) => state.Catalog == StockCatalogStatus.Known;

    private StockLedgerEntry? FindRecorded(string movementId)
    {
        foreach (var entry in State.Unsaved)
        {
            if (string.Equals(entry.MovementId, movementId, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return _recorded.Find(movementId);
    }

    private void PublishHoldsAtRisk(IReadOnlyList<StockHold> atRisk, string movementId)
    {
        if (atRisk.Count == 0)
        {
            return;
        }

        Publish(
            HoldsAtRisk.Topic,
            Key,
            new HoldsAtRisk(State.Sku, State.LocationId, [.. atRisk.Select(hold => hold.ReservationId)], State.OnHand, State.Held, movementId));
    }
}
