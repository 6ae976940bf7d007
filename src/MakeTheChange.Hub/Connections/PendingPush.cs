namespace MakeTheChange.Hub.Connections;

/// <summary>A hub stock change waiting to reach a POS.</summary>
public sealed record PendingPush(
    long Id,
    string LocationId,
    string Sku,
    long Seq,
    string MovementId,
    string Kind,
    int OnHandDelta,
    int OnHandAfter,
    DateTimeOffset OccurredAt);
