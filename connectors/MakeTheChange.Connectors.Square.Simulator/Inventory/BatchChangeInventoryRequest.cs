namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

internal sealed record BatchChangeInventoryRequest
{
    public string? IdempotencyKey { get; init; }

    public IReadOnlyList<InventoryChange?>? Changes { get; init; }

    public bool? IgnoreUnchangedCounts { get; init; }
}
