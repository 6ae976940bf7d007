namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Square's InventoryChangeType values.</summary>
internal static class InventoryChangeTypes
{
    public const string Adjustment = "ADJUSTMENT";
    public const string PhysicalCount = "PHYSICAL_COUNT";
    public const string Transfer = "TRANSFER";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>([Adjustment, PhysicalCount, Transfer], StringComparer.Ordinal);
}
