namespace MakeTheChange.Hub.Connections;

/// <summary>
/// A SKU at a location where the POS count differed from what the hub expected it to be (on hand less
/// the changes still on their way), and what the POS was set to.
/// </summary>
public sealed record DriftItem(string Sku, string LocationId, string ExternalItemId, string ExternalLocationId, int PosCount, int Expected, bool Repaired);
