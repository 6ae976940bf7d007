namespace MakeTheChange.Hub.Stock;

/// <summary>The key of a stock grain: "sku@location" (neither id may hold '@').</summary>
public static class StockKey
{
    public static string Of(string sku, string locationId) => $"{sku}@{locationId}";

    public static (string Sku, string LocationId) Parse(string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? (key[..at], key[(at + 1)..]) : throw new FormatException($"'{key}' is not a stock key (sku@location).");
    }
}
