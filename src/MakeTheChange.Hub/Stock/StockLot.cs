namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Units of one lot at one location. <see cref="Key"/> is the lot number, or, for units that came
/// without one, "@" followed by their best-before date if any: those still leave by best-before.
/// </summary>
public sealed record StockLot(string Key, DateOnly? BestBefore, int Quantity, long ReceivedSeq, DateTimeOffset ReceivedAt)
{
    /// <summary>The lot number as callers know it; null for units received without one.</summary>
    public string? Lot => IsLotless(Key) ? null : Key;

    /// <summary>The key of units received with neither a lot number nor a best-before date (kept in the level row).</summary>
    public const string UnlottedKey = "@";

    public static string KeyFor(string? lot, DateOnly? bestBefore) =>
        lot ?? (bestBefore is { } date ? $"@{date:yyyy-MM-dd}" : UnlottedKey);

    public static bool IsLotless(string key) => key.StartsWith('@');
}
