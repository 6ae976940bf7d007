namespace MakeTheChange.Baseline.Stock;

internal enum MovementStatus
{
    Applied,

    /// <summary>The movement id was already recorded for this SKU and location, with the same kind and quantity.</summary>
    Repeated,

    /// <summary>The movement id was already recorded with another kind or quantity.</summary>
    IdReused,

    /// <summary>No stock row for this SKU at this location.</summary>
    NotFound,

    /// <summary>The movement would take available below zero where that is not allowed.</summary>
    Refused,
}
