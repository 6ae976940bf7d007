namespace MakeTheChange.Hub.Stock;

/// <summary>How a stock command ended: the level after it, or why it did not apply.</summary>
public sealed record StockCommandOutcome(StockCommandStatus Status, StockLevel? Level = null, string? Detail = null)
{
    public static StockCommandOutcome Unknown(StockState state) => new(
        state.Catalog == StockCatalogStatus.UnknownSku ? StockCommandStatus.UnknownSku : StockCommandStatus.UnknownLocation,
        Detail: state.Catalog == StockCatalogStatus.UnknownSku
            ? $"No product with SKU '{state.Sku}'."
            : $"No location '{state.LocationId}'.");

    public static StockCommandOutcome Refused(string detail) => new(StockCommandStatus.Refused, Detail: detail);
}
