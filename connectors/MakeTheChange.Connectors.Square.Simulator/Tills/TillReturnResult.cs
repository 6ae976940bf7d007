namespace MakeTheChange.Connectors.Square.Simulator.Tills;

public sealed record TillReturnResult(string OrderId, string RefundId);
