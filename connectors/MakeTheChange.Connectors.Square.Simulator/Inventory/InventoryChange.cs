namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Square's InventoryChange: a <c>type</c> and the one object that matches it.</summary>
internal sealed record InventoryChange
{
    public string? Type { get; init; }

    public InventoryPhysicalCount? PhysicalCount { get; init; }

    public InventoryAdjustment? Adjustment { get; init; }
}
