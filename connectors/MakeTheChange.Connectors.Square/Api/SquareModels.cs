using System.Text.Json;

namespace MakeTheChange.Connectors.Square.Api;

// Square API v2 objects, only the fields the connector reads or writes (../shared/docs/pos-apis.md §1).
// Internal to the connector: the hub never sees them.
#pragma warning disable SA1649, MA0048 // One file holds the vendor's vocabulary; each record is a few lines.

internal sealed record SquareError(string Category, string Code, string? Detail, string? Field);

internal sealed record SquareErrorEnvelope(IReadOnlyList<SquareError>? Errors);

internal sealed record SquareMoney(long Amount, string Currency);

internal sealed record CatalogItemVariation(string? ItemId, string? Name, string? Sku, bool? TrackInventory);

internal sealed record CatalogObject(string Type, string Id, long? Version, bool? IsDeleted, CatalogItemVariation? ItemVariationData);

internal sealed record SearchCatalogObjectsRequest(IReadOnlyList<string> ObjectTypes, CatalogQuery Query, string? Cursor, int? Limit);

internal sealed record CatalogQuery(CatalogQueryExact ExactQuery);

internal sealed record CatalogQueryExact(string AttributeName, string AttributeValue);

internal sealed record SearchCatalogObjectsResponse(IReadOnlyList<CatalogObject>? Objects, string? Cursor, IReadOnlyList<SquareError>? Errors);

internal sealed record BatchRetrieveCatalogObjectsRequest(IReadOnlyList<string> ObjectIds);

internal sealed record BatchRetrieveCatalogObjectsResponse(IReadOnlyList<CatalogObject>? Objects, IReadOnlyList<SquareError>? Errors);

internal sealed record InventoryAdjustment(
    string? Id,
    string? ReferenceId,
    string FromState,
    string ToState,
    string LocationId,
    string CatalogObjectId,
    string Quantity,
    DateTimeOffset OccurredAt,
    DateTimeOffset? CreatedAt = null,
    InventorySource? Source = null);

internal sealed record InventoryPhysicalCount(
    string? Id,
    string? ReferenceId,
    string CatalogObjectId,
    string State,
    string LocationId,
    string Quantity,
    DateTimeOffset OccurredAt,
    DateTimeOffset? CreatedAt = null,
    InventorySource? Source = null);

internal sealed record InventorySource(string? Product, string? ApplicationId, string? Name);

internal sealed record InventoryChange(string Type, InventoryAdjustment? Adjustment = null, InventoryPhysicalCount? PhysicalCount = null);

internal sealed record InventoryCount(string CatalogObjectId, string State, string LocationId, string Quantity, DateTimeOffset CalculatedAt);

internal sealed record BatchChangeInventoryRequest(string IdempotencyKey, IReadOnlyList<InventoryChange> Changes, bool IgnoreUnchangedCounts);

internal sealed record BatchChangeInventoryResponse(IReadOnlyList<InventoryCount>? Counts, IReadOnlyList<InventoryChange>? Changes, IReadOnlyList<SquareError>? Errors);

internal sealed record BatchRetrieveInventoryCountsRequest(
    IReadOnlyList<string>? CatalogObjectIds,
    IReadOnlyList<string>? LocationIds,
    DateTimeOffset? UpdatedAfter,
    IReadOnlyList<string>? States,
    string? Cursor,
    int? Limit);

internal sealed record BatchRetrieveInventoryCountsResponse(IReadOnlyList<InventoryCount>? Counts, string? Cursor, IReadOnlyList<SquareError>? Errors);

internal sealed record BatchRetrieveInventoryChangesRequest(
    IReadOnlyList<string>? CatalogObjectIds,
    IReadOnlyList<string>? LocationIds,
    IReadOnlyList<string>? Types,
    DateTimeOffset? UpdatedAfter,
    string? Cursor,
    int? Limit);

internal sealed record BatchRetrieveInventoryChangesResponse(IReadOnlyList<InventoryChange>? Changes, string? Cursor, IReadOnlyList<SquareError>? Errors);

internal sealed record OrderLineItem(string? Uid, string? Name, string Quantity, string? CatalogObjectId, string? ItemType);

internal sealed record OrderReturnLineItem(string? Uid, string? SourceLineItemUid, string Quantity, string? CatalogObjectId, string? Name);

internal sealed record OrderReturn(string? Uid, string? SourceOrderId, IReadOnlyList<OrderReturnLineItem>? ReturnLineItems);

internal sealed record Order(
    string Id,
    string LocationId,
    string State,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<OrderLineItem>? LineItems,
    IReadOnlyList<OrderReturn>? Returns);

internal sealed record BatchRetrieveOrdersRequest(IReadOnlyList<string> OrderIds);

internal sealed record BatchRetrieveOrdersResponse(IReadOnlyList<Order>? Orders, IReadOnlyList<SquareError>? Errors);

internal sealed record SearchOrdersRequest(IReadOnlyList<string> LocationIds, SearchOrdersQuery Query, int Limit, string? Cursor);

internal sealed record SearchOrdersQuery(SearchOrdersFilter Filter, SearchOrdersSort Sort);

internal sealed record SearchOrdersFilter(SearchOrdersDateTimeFilter DateTimeFilter, SearchOrdersStateFilter StateFilter);

internal sealed record SearchOrdersDateTimeFilter(TimeRange UpdatedAt);

internal sealed record TimeRange(DateTimeOffset StartAt, DateTimeOffset? EndAt = null);

internal sealed record SearchOrdersStateFilter(IReadOnlyList<string> States);

internal sealed record SearchOrdersSort(string SortField, string SortOrder);

internal sealed record SearchOrdersResponse(IReadOnlyList<Order>? Orders, string? Cursor, IReadOnlyList<SquareError>? Errors);

internal sealed record Payment(string Id, string? OrderId, string? LocationId, string? Status);

internal sealed record Refund(string Id, string? OrderId, string? LocationId, string? Status);

/// <summary>What every Square webhook carries (pos-apis.md §1.6); <c>data.object</c> depends on <c>type</c>.</summary>
internal sealed record WebhookEnvelope(string? MerchantId, string? Type, string? EventId, DateTimeOffset? CreatedAt, WebhookData? Data);

internal sealed record WebhookData(string? Type, string? Id, JsonElement Object);
#pragma warning restore SA1649, MA0048
