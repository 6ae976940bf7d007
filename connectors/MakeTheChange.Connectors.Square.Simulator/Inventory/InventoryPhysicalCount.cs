namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Square's InventoryPhysicalCount: an absolute count at <c>occurred_at</c>.</summary>
internal sealed record InventoryPhysicalCount : IInventoryChangeFields
{
    public string? Id { get; init; }

    public string? ReferenceId { get; init; }

    public string? CatalogObjectId { get; init; }

    public string? CatalogObjectType { get; init; }

    public string? State { get; init; }

    public string? LocationId { get; init; }

    public string? Quantity { get; init; }

    public SourceApplication? Source { get; init; }

    public string? OccurredAt { get; init; }

    public string? CreatedAt { get; init; }
}
