using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Square's InventoryAdjustment, as sent by clients and returned with its read-only fields.</summary>
internal sealed record InventoryAdjustment : IInventoryChangeFields
{
    public string? Id { get; init; }

    public string? ReferenceId { get; init; }

    public string? FromState { get; init; }

    public string? ToState { get; init; }

    public string? LocationId { get; init; }

    public string? CatalogObjectId { get; init; }

    public string? CatalogObjectType { get; init; }

    public string? Quantity { get; init; }

    public Money? TotalPriceMoney { get; init; }

    public string? OccurredAt { get; init; }

    public string? CreatedAt { get; init; }

    public SourceApplication? Source { get; init; }

    public string? TransactionId { get; init; }

    public string? RefundId { get; init; }
}
