using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Payments;

/// <summary>Square's Payment; <c>order_id</c> + <c>location_id</c> lead to the sale's lines (pos-apis.md §1.7).</summary>
internal sealed record Payment(
    string Id,
    string CreatedAt,
    string UpdatedAt,
    Money AmountMoney,
    Money TotalMoney,
    string Status,
    string SourceType,
    string LocationId,
    string OrderId,
    string ReceiptNumber);
