namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Square's InventoryState values and which of them the API may write (pos-apis.md §1.4).</summary>
internal static class InventoryStates
{
    public const string InStock = "IN_STOCK";
    public const string Sold = "SOLD";
    public const string Waste = "WASTE";
    public const string None = "NONE";
    public const string UnlinkedReturn = "UNLINKED_RETURN";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        [
            "CUSTOM", InStock, Sold, "RETURNED_BY_CUSTOMER", "RESERVED_FOR_SALE", "SOLD_ONLINE", "ORDERED_FROM_VENDOR",
            "RECEIVED_FROM_VENDOR", "IN_TRANSIT_TO", None, Waste, UnlinkedReturn, "COMPOSED", "DECOMPOSED",
            "SUPPORTED_BY_NEWER_VERSION", "IN_TRANSIT",
        ],
        StringComparer.Ordinal);

    /// <summary>States the API cannot move stock into or out of (spec, InventoryState; IN_TRANSIT_TO is its retired name).</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(
        ["CUSTOM", "RETURNED_BY_CUSTOMER", "RESERVED_FOR_SALE", "SOLD_ONLINE", "ORDERED_FROM_VENDOR", "RECEIVED_FROM_VENDOR", "IN_TRANSIT", "IN_TRANSIT_TO"],
        StringComparer.Ordinal);

    /// <summary>
    /// The adjustments a retail hub makes: receive (NONE→IN_STOCK), return (UNLINKED_RETURN→IN_STOCK),
    /// sale (IN_STOCK→SOLD), damage (IN_STOCK→WASTE). Other writable pairs exist in Square but are not simulated.
    /// </summary>
    public static bool IsSimulatedAdjustment(string fromState, string toState) => (fromState, toState) switch
    {
        (None, InStock) or (UnlinkedReturn, InStock) or (InStock, Sold) or (InStock, Waste) => true,
        _ => false,
    };

    /// <summary>What an adjustment does to the IN_STOCK count, the only count the simulator tracks.</summary>
    public static decimal InStockDelta(string? fromState, string? toState, decimal quantity) =>
        toState == InStock ? quantity : fromState == InStock ? -quantity : 0m;
}
