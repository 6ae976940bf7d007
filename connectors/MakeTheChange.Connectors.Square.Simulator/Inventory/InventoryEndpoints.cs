using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Square.Simulator.State;
using MakeTheChange.Connectors.Square.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>BatchChangeInventory, BatchRetrieveInventoryCounts and BatchRetrieveInventoryChanges (pos-apis.md §1.4).</summary>
internal static class InventoryEndpoints
{
    private const string CountsCursor = "inventory-counts";
    private const string ChangesCursor = "inventory-changes";
    private const int MaxCountsLimit = 1000;
    private const int DefaultChangesLimit = 100;
    private const int MaxChangesLimit = 1000;

    public static void MapInventoryEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapPost("/inventory/changes/batch-create", BatchChangeAsync);
        v2.MapPost("/inventory/counts/batch-retrieve", BatchRetrieveCountsAsync);
        v2.MapPost("/inventory/changes/batch-retrieve", BatchRetrieveChangesAsync);
    }

    private static async Task<IResult> BatchChangeAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<BatchChangeInventoryRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var batch = body.Value!;
        var errors = new SquareValidation();
        InventoryChangeValidation.ValidateIdempotencyKey(batch.IdempotencyKey, errors);
        return errors.HasErrors ? errors.ToResult() : simulator.Run(state => BatchChange(state, batch, body.Json!));
    }

    /// <summary>
    /// Square's idempotency (pos-apis.md §1.1): the same key with the same body answers the original
    /// result and changes nothing; the same key with a different body is IDEMPOTENCY_KEY_REUSED.
    /// Only successful requests are remembered, so a corrected retry may reuse the key of a refused one.
    /// </summary>
    private static IResult BatchChange(SimulatorState state, BatchChangeInventoryRequest batch, JsonObject json)
    {
        var key = batch.IdempotencyKey!;
        if (state.InventoryIdempotency.TryGetValue(key, out var earlier))
        {
            return JsonNode.DeepEquals(earlier.Request, json)
                ? TypedResults.Bytes(earlier.Response, "application/json")
                : SquareResults.Error(
                    StatusCodes.Status400BadRequest,
                    SquareErrorCategories.InvalidRequestError,
                    SquareErrorCodes.IdempotencyKeyReused,
                    $"The idempotency key `{key}` was already used for a different request.",
                    "idempotency_key");
        }

        var errors = new SquareValidation();
        var pending = InventoryChangeValidation.ValidateChanges(batch.Changes, state, errors);
        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        var response = Apply(state, pending, batch.IgnoreUnchangedCounts ?? true);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(response, SquareJson.Options);
        state.InventoryIdempotency[key] = new IdempotentResponse(json, bytes);
        return TypedResults.Bytes(bytes, "application/json");
    }

    private static BatchChangeInventoryResponse Apply(SimulatorState state, List<PendingInventoryChange> pending, bool ignoreUnchangedCounts)
    {
        var now = state.Clock.Next();
        var source = SourceApplication.ExternalApi(state.ApplicationId);
        var referenced = new List<StockKey>();
        var changed = new List<StockKey>();
        var recorded = new List<InventoryChangeRecord>();
        foreach (var change in pending)
        {
            AddOnce(referenced, change.Key);

            // ignore_unchanged_counts (default true): a physical count equal to the current count is not recorded.
            if (change.Type == InventoryChangeTypes.PhysicalCount
                && ignoreUnchangedCounts
                && state.Inventory.Find(change.Key) is { } current
                && current.Quantity == change.Quantity)
            {
                continue;
            }

            recorded.Add(state.Inventory.Record(new InventoryChangeRecord(
                SquareIds.NewInventoryChangeId(),
                change.Type,
                change.Key,
                change.ReferenceId,
                change.FromState,
                change.ToState,
                change.Quantity,
                change.OccurredAt,
                now,
                source)));
            AddOnce(changed, change.Key);
        }

        state.RaiseInventoryCountsUpdated(changed);
        return new BatchChangeInventoryResponse(
            state.CountsOf(referenced),
            recorded.Count == 0 ? null : [.. recorded.Select(change => change.ToWire())]);
    }

    private static void AddOnce(List<StockKey> keys, StockKey key)
    {
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    private static async Task<IResult> BatchRetrieveCountsAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<BatchRetrieveInventoryCountsRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var query = body.Value!;
        var errors = new SquareValidation();
        var updatedAfter = errors.OptionalTime(query.UpdatedAfter, "updated_after");
        errors.EnumValues(query.States, InventoryStates.All, "states");
        var limit = errors.Limit(query.Limit, MaxCountsLimit, MaxCountsLimit);
        var offset = errors.CursorPosition(query.Cursor, CountsCursor);
        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        return SquareResults.Ok(simulator.Run(state =>
        {
            // Only IN_STOCK is tracked; SOLD, NONE and UNLINKED_RETURN are never counted by Square either.
            if (query.States is { Count: > 0 } states && !states.Contains(InventoryStates.InStock, StringComparer.Ordinal))
            {
                return new BatchRetrieveInventoryCountsResponse(Counts: null, Cursor: null);
            }

            var page = state.Inventory.Counts
                .Where(count => IsWanted(query.CatalogObjectIds, count.Key.VariationId) && IsWanted(query.LocationIds, count.Key.LocationId))
                .Where(count => updatedAfter is null || count.CalculatedAt > updatedAfter)
                .OrderByDescending(count => count.CalculatedAt)
                .ThenBy(count => count.Key.VariationId, StringComparer.Ordinal)
                .ThenBy(count => count.Key.LocationId, StringComparer.Ordinal)
                .Skip((int)Math.Min(offset, int.MaxValue))
                .Take(limit + 1)
                .ToList();
            var cursor = page.Count > limit ? PageCursor.Encode(CountsCursor, (offset + limit).ToString(CultureInfo.InvariantCulture)) : null;
            var counts = page.Take(limit).Select(count => count.ToWire()).ToList();
            return new BatchRetrieveInventoryCountsResponse(counts.Count == 0 ? null : counts, cursor);
        }));
    }

    private static async Task<IResult> BatchRetrieveChangesAsync(HttpRequest request, SquareSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await SquareRequestBody<BatchRetrieveInventoryChangesRequest>.ReadAsync(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var query = body.Value!;
        var errors = new SquareValidation();
        var updatedAfter = errors.OptionalTime(query.UpdatedAfter, "updated_after");
        var updatedBefore = errors.OptionalTime(query.UpdatedBefore, "updated_before");
        errors.EnumValues(query.Types, InventoryChangeTypes.All, "types");
        errors.EnumValues(query.States, InventoryStates.All, "states");
        var limit = errors.Limit(query.Limit, DefaultChangesLimit, MaxChangesLimit);
        var afterSequence = errors.CursorPosition(query.Cursor, ChangesCursor);
        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        return SquareResults.Ok(simulator.Run(state =>
        {
            // Oldest first; the time filters apply to created_at, when the change reached Square.
            var page = state.Inventory.Changes
                .Where(change => change.Sequence > afterSequence)
                .Where(change => IsWanted(query.CatalogObjectIds, change.Key.VariationId) && IsWanted(query.LocationIds, change.Key.LocationId))
                .Where(change => IsWanted(query.Types, change.Type))
                .Where(change => query.States is not { Count: > 0 } || change.TouchesAnyState(query.States))
                .Where(change => (updatedAfter is null || change.CreatedAt > updatedAfter) && (updatedBefore is null || change.CreatedAt < updatedBefore))
                .Take(limit + 1)
                .ToList();
            var cursor = page.Count > limit
                ? PageCursor.Encode(ChangesCursor, page[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture))
                : null;
            var changes = page.Take(limit).Select(change => change.ToWire()).ToList();
            return new BatchRetrieveInventoryChangesResponse(changes.Count == 0 ? null : changes, cursor);
        }));
    }

    /// <summary>An absent or empty id filter keeps everything.</summary>
    private static bool IsWanted(IReadOnlyList<string>? filter, string value) =>
        filter is not { Count: > 0 } || filter.Contains(value, StringComparer.Ordinal);
}
