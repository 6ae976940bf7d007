namespace MakeTheChange.Baseline.Stock;

/// <summary>What became of a movement, with the level after it (or as it stands, when nothing was applied).</summary>
internal sealed record MovementOutcome(MovementStatus Status, StockLevel? Level = null, string? Detail = null);
