namespace MakeTheChange.Hub.Stock;

/// <summary>Whether a hold was taken, and what was available when it was asked for.</summary>
public sealed record HoldOutcome(HoldStatus Status, int Available);
