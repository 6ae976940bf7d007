namespace MakeTheChange.Baseline.Stock;

/// <summary>A lot in the hub's answer. The baseline keeps no lots, so its lists are always empty; the type keeps the shape.</summary>
public sealed record LotResponse(string? Lot, DateOnly? BestBefore, int Quantity);
