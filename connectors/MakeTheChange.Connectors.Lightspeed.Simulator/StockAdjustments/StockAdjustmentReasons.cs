namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>
/// The reasons of the 2026-07 spec: negative ones require quantity &lt; 0, positive ones quantity &gt; 0.
/// CUSTOM (a retailer-defined reason) is not simulated.
/// </summary>
internal static class StockAdjustmentReasons
{
    public const string Custom = "CUSTOM";

    public static IReadOnlySet<string> Negative { get; } = new HashSet<string>(["DAMAGE", "EXPIRY", "INTERNAL_USE", "THEFT", "DONATION"], StringComparer.Ordinal);

    public static IReadOnlySet<string> Positive { get; } = new HashSet<string>(["STOCK_FOUND", "SAMPLE_FOR_SALE"], StringComparer.Ordinal);
}
