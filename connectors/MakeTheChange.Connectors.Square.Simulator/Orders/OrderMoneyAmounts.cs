using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record OrderMoneyAmounts(Money TotalMoney);
