using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>One applied change in the simulator's history, whoever made it (API, till or dashboard).</summary>
internal sealed record InventoryChangeRecord(
    string Id,
    string Type,
    StockKey Key,
    string? ReferenceId,
    string? FromState,
    string? ToState,
    decimal Quantity,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt,
    SourceApplication Source)
{
    /// <summary>Position in the history; what BatchRetrieveInventoryChanges pages on.</summary>
    public long Sequence { get; init; }

    public string? TransactionId { get; init; }

    public string? RefundId { get; init; }

    public Money? TotalPriceMoney { get; init; }

    public decimal InStockDelta => Type == InventoryChangeTypes.Adjustment ? InventoryStates.InStockDelta(FromState, ToState, Quantity) : 0m;

    public InventoryChange ToWire() => Type == InventoryChangeTypes.Adjustment
        ? new InventoryChange
        {
            Type = Type,
            Adjustment = new InventoryAdjustment
            {
                Id = Id,
                ReferenceId = ReferenceId,
                FromState = FromState,
                ToState = ToState,
                LocationId = Key.LocationId,
                CatalogObjectId = Key.VariationId,
                CatalogObjectType = "ITEM_VARIATION",
                Quantity = SquareQuantity.Format(Quantity),
                TotalPriceMoney = TotalPriceMoney,
                OccurredAt = Rfc3339.Format(OccurredAt),
                CreatedAt = Rfc3339.Format(CreatedAt),
                Source = Source,
                TransactionId = TransactionId,
                RefundId = RefundId,
            },
        }
        : new InventoryChange
        {
            Type = Type,
            PhysicalCount = new InventoryPhysicalCount
            {
                Id = Id,
                ReferenceId = ReferenceId,
                CatalogObjectId = Key.VariationId,
                CatalogObjectType = "ITEM_VARIATION",
                State = ToState,
                LocationId = Key.LocationId,
                Quantity = SquareQuantity.Format(Quantity),
                Source = Source,
                OccurredAt = Rfc3339.Format(OccurredAt),
                CreatedAt = Rfc3339.Format(CreatedAt),
            },
        };

    /// <summary>Whether a BatchRetrieveInventoryChanges <c>states</c> filter keeps this change.</summary>
    public bool TouchesAnyState(IReadOnlyList<string> states) =>
        (FromState is not null && states.Contains(FromState, StringComparer.Ordinal))
        || (ToState is not null && states.Contains(ToState, StringComparer.Ordinal));
}
