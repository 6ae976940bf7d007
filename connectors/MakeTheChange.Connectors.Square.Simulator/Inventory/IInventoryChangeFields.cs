namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>The fields an adjustment and a physical count share, validated alike.</summary>
internal interface IInventoryChangeFields
{
    string? ReferenceId { get; }

    string? CatalogObjectId { get; }

    string? CatalogObjectType { get; }

    string? LocationId { get; }

    string? Quantity { get; }

    string? OccurredAt { get; }
}
