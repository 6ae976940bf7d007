namespace MakeTheChange.Hub.Stock;

/// <summary>A lot in an HTTP answer; <c>lot</c> is null for units received without a lot number.</summary>
public sealed record LotResponse(string? Lot, DateOnly? BestBefore, int Quantity)
{
    public static LotResponse Of(LotQuantity lot) => new(lot.Lot, lot.BestBefore, lot.Quantity);
}
