namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>A change from a BatchChangeInventory request that passed validation and is not applied yet.</summary>
internal sealed record PendingInventoryChange(
    string Type,
    StockKey Key,
    string? ReferenceId,
    string? FromState,
    string? ToState,
    decimal Quantity,
    DateTimeOffset OccurredAt);
