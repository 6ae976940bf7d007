using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>Square's Order, as the simulated tills create them (pos-apis.md §1.5).</summary>
internal sealed record Order
{
    public required string Id { get; init; }

    public required string LocationId { get; init; }

    public required OrderSource Source { get; init; }

    public IReadOnlyList<OrderLineItem>? LineItems { get; init; }

    public IReadOnlyList<OrderReturn>? Returns { get; init; }

    public IReadOnlyList<OrderTender>? Tenders { get; init; }

    public IReadOnlyList<OrderRefund>? Refunds { get; init; }

    public required Money TotalMoney { get; init; }

    public OrderMoneyAmounts? ReturnAmounts { get; init; }

    public required string CreatedAt { get; init; }

    public required string UpdatedAt { get; init; }

    public string? ClosedAt { get; init; }

    public required string State { get; init; }

    public required int Version { get; init; }
}
