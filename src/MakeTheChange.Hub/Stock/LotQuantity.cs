namespace MakeTheChange.Hub.Stock;

/// <summary>A quantity of one lot: what a lot holds, or (signed) what a movement added to or took from it.</summary>
public sealed record LotQuantity(string? Lot, DateOnly? BestBefore, int Quantity);
