using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record OrderReturnLineItem(
    string Uid,
    string? SourceLineItemUid,
    string Name,
    string Quantity,
    string CatalogObjectId,
    string ItemType,
    Money BasePriceMoney,
    Money TotalMoney);
