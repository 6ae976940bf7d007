using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>An order line; <c>catalog_object_id</c> is the ITEM_VARIATION id, the stock key (pos-apis.md §1.5).</summary>
internal sealed record OrderLineItem(
    string Uid,
    string Name,
    string Quantity,
    string CatalogObjectId,
    long CatalogVersion,
    string VariationName,
    string ItemType,
    Money BasePriceMoney,
    Money GrossSalesMoney,
    Money TotalMoney);
