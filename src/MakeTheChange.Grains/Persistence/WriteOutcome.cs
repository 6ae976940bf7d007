namespace MakeTheChange.Grains.Persistence;

/// <summary>How a unit of grain writes ended.</summary>
internal sealed record WriteOutcome(WriteOutcomeStatus Status, Exception? Error = null)
{
    public static readonly WriteOutcome Committed = new(WriteOutcomeStatus.Committed);

    /// <summary>At least one write was stale or rejected (see each write's check); nothing was stored.</summary>
    public static readonly WriteOutcome Conflict = new(WriteOutcomeStatus.Conflict);

    public static WriteOutcome NotStored(Exception error) => new(WriteOutcomeStatus.NotStored, error);

    /// <summary>The connection broke while committing: the writes may or may not be stored.</summary>
    public static WriteOutcome Unknown(Exception error) => new(WriteOutcomeStatus.Unknown, error);
}
