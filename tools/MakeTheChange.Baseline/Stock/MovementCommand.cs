namespace MakeTheChange.Baseline.Stock;

/// <summary>A valid movement: <see cref="Quantity"/> as sent, positive except for a signed adjustment.</summary>
internal sealed record MovementCommand(string MovementId, MovementKind Kind, int Quantity)
{
    /// <summary>The change to on hand.</summary>
    public int Delta => Kind is MovementKind.Sale or MovementKind.Damage ? -Quantity : Quantity;

    /// <summary>
    /// Whether the movement may take available (on hand less held) below zero. A sale already happened at
    /// the till and is never refused; receipts, returns and positive adjustments only add. Damage and a
    /// negative adjustment may not take units that are not there or that a reservation holds.
    /// </summary>
    public bool MayGoBelowZero => Kind is MovementKind.Sale || Delta > 0;
}
