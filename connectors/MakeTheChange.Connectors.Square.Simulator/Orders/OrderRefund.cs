using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record OrderRefund(string Id, string LocationId, string TransactionId, string? TenderId, string CreatedAt, string Reason, Money AmountMoney, string Status);
