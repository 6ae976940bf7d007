namespace MakeTheChange.Baseline.Stock;

internal static class MovementKinds
{
    public const string Accepted = "receipt, sale, return, damage, adjustment";

    public static bool TryParse(string? wire, out MovementKind kind)
    {
        MovementKind? parsed = wire switch
        {
            "receipt" => MovementKind.Receipt,
            "sale" => MovementKind.Sale,
            "return" => MovementKind.Return,
            "damage" => MovementKind.Damage,
            "adjustment" => MovementKind.Adjustment,
            _ => null,
        };
        kind = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    public static string ToWire(this MovementKind kind) => kind switch
    {
        MovementKind.Receipt => "receipt",
        MovementKind.Sale => "sale",
        MovementKind.Return => "return",
        MovementKind.Damage => "damage",
        MovementKind.Adjustment => "adjustment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a movement kind."),
    };
}
