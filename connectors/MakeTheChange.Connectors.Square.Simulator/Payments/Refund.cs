using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Payments;

/// <summary>Square's PaymentRefund; a till return's refund has no <c>payment_id</c> when the return is unlinked.</summary>
internal sealed record Refund(
    string Id,
    string Status,
    Money AmountMoney,
    string? PaymentId,
    string OrderId,
    string LocationId,
    string Reason,
    string CreatedAt,
    string UpdatedAt);
