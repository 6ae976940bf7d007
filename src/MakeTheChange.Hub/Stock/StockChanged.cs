namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Outbox event: on hand of a SKU at a location changed. Connectors push it to the systems that
/// mirror that location; <see cref="Source"/> tells them which changes came from themselves.
/// </summary>
public sealed record StockChanged(
    string Sku,
    string LocationId,
    long Seq,
    string MovementId,
    string Kind,
    int OnHandDelta,
    int OnHandAfter,
    string Source,
    DateTimeOffset OccurredAt)
{
    public const string Topic = "stock.changed";
}
