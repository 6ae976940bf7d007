namespace MakeTheChange.Baseline.Stock;

/// <summary>The movements a caller may send; the hub's count and lots are left out of the baseline.</summary>
internal enum MovementKind
{
    Receipt,
    Sale,
    Return,
    Damage,
    Adjustment,
}
