namespace MakeTheChange.Hub.Stock;

/// <summary>The wire names of <see cref="StockMovementKind"/>.</summary>
public static class StockMovementKinds
{
    public const string Accepted = "receipt, sale, return, damage, adjustment, count";

    public static string ToWire(this StockMovementKind kind) => kind switch
    {
        StockMovementKind.Receipt => "receipt",
        StockMovementKind.Sale => "sale",
        StockMovementKind.Return => "return",
        StockMovementKind.Damage => "damage",
        StockMovementKind.Adjustment => "adjustment",
        StockMovementKind.Count => "count",
        StockMovementKind.Hold => "hold",
        StockMovementKind.Release => "release",
        StockMovementKind.Expire => "expire",
        StockMovementKind.SafetyStock => "safety-stock",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a kind a caller may send (not the ones the hub records itself).</summary>
    public static bool TryParseCommand(string? text, out StockMovementKind kind)
    {
        kind = text switch
        {
            "receipt" => StockMovementKind.Receipt,
            "sale" => StockMovementKind.Sale,
            "return" => StockMovementKind.Return,
            "damage" => StockMovementKind.Damage,
            "adjustment" => StockMovementKind.Adjustment,
            "count" => StockMovementKind.Count,
            _ => StockMovementKind.Hold,
        };
        return kind != StockMovementKind.Hold;
    }

    public static StockMovementKind FromWire(string text) => text switch
    {
        "hold" => StockMovementKind.Hold,
        "release" => StockMovementKind.Release,
        "expire" => StockMovementKind.Expire,
        "safety-stock" => StockMovementKind.SafetyStock,
        _ when TryParseCommand(text, out var kind) => kind,
        _ => throw new FormatException($"Unknown stock movement kind '{text}'."),
    };
}
