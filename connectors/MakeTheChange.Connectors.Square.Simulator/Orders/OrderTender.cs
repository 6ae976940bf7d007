using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>How an order was paid; the tender id is the payment id, as for Payments API tenders.</summary>
internal sealed record OrderTender(string Id, string LocationId, string TransactionId, string CreatedAt, Money AmountMoney, string Type, string PaymentId);
