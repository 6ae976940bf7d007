namespace MakeTheChange.Hub.Stock;

/// <summary>Why a stock grain changed. The first six are what callers send; the others the hub records itself.</summary>
public enum StockMovementKind
{
    Receipt,
    Sale,
    Return,
    Damage,
    Adjustment,
    Count,
    Hold,
    Release,
    Expire,
    SafetyStock,
}
