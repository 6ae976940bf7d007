namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>Square's CatalogObject, limited to the ITEM_VARIATION kind (pos-apis.md §1.3).</summary>
internal sealed record CatalogObject(
    string Type,
    string Id,
    long Version,
    string UpdatedAt,
    bool IsDeleted,
    bool PresentAtAllLocations,
    CatalogItemVariation ItemVariationData);
