namespace MakeTheChange.Connectors.Square.Simulator.Tills;

public sealed record TillSaleResult(string OrderId, string PaymentId);
