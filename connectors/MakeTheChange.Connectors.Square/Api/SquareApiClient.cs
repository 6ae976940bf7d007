using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Square.Api;

/// <summary>
/// The Square API v2 calls the connector makes, for one connection. Transient failures (429, 5xx, no
/// answer) are retried by <see cref="PosResilienceHandler"/>; what is left after that is thrown.
/// </summary>
internal sealed class SquareApiClient(HttpClient http, PosConnection connection)
{
    // The version these calls were written against (pos-apis.md §1.1).
    private const string SquareVersion = "2025-08-20";

    public async Task<List<CatalogObject>> SearchVariationsBySkuAsync(string sku, CancellationToken cancellationToken)
    {
        var found = new List<CatalogObject>();
        string? cursor = null;
        do
        {
            var page = await PostAsync<SearchCatalogObjectsRequest, SearchCatalogObjectsResponse>(
                "v2/catalog/search",
                new SearchCatalogObjectsRequest(["ITEM_VARIATION"], new CatalogQuery(new CatalogQueryExact("sku", sku)), cursor, 100),
                cancellationToken);
            found.AddRange(page.Objects ?? []);
            cursor = page.Cursor;
        }
        while (cursor is not null);

        return found;
    }

    public async Task<IReadOnlyList<CatalogObject>> RetrieveCatalogObjectsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await PostAsync<BatchRetrieveCatalogObjectsRequest, BatchRetrieveCatalogObjectsResponse>(
            "v2/catalog/batch-retrieve",
            new BatchRetrieveCatalogObjectsRequest(ids),
            cancellationToken)).Objects ?? [];

    public Task<BatchChangeInventoryResponse> ChangeInventoryAsync(BatchChangeInventoryRequest request, CancellationToken cancellationToken) =>
        PostAsync<BatchChangeInventoryRequest, BatchChangeInventoryResponse>("v2/inventory/changes/batch-create", request, cancellationToken);

    /// <summary>IN_STOCK counts of these variations at these locations, every page.</summary>
    public async Task<List<InventoryCount>> RetrieveCountsAsync(
        IReadOnlyList<string> variationIds,
        IReadOnlyList<string> locationIds,
        CancellationToken cancellationToken)
    {
        var counts = new List<InventoryCount>();
        foreach (var chunk in variationIds.Chunk(1000))
        {
            string? cursor = null;
            do
            {
                var page = await PostAsync<BatchRetrieveInventoryCountsRequest, BatchRetrieveInventoryCountsResponse>(
                    "v2/inventory/counts/batch-retrieve",
                    new BatchRetrieveInventoryCountsRequest(chunk, locationIds, null, ["IN_STOCK"], cursor, 1000),
                    cancellationToken);
                counts.AddRange(page.Counts ?? []);
                cursor = page.Cursor;
            }
            while (cursor is not null);
        }

        return counts;
    }

    /// <summary>Inventory changes at these locations recorded after <paramref name="after"/>, oldest first, every page.</summary>
    public async Task<List<InventoryChange>> RetrieveChangesAsync(IReadOnlyList<string> locationIds, DateTimeOffset after, CancellationToken cancellationToken)
    {
        var changes = new List<InventoryChange>();
        string? cursor = null;
        do
        {
            var page = await PostAsync<BatchRetrieveInventoryChangesRequest, BatchRetrieveInventoryChangesResponse>(
                "v2/inventory/changes/batch-retrieve",
                new BatchRetrieveInventoryChangesRequest(null, locationIds, ["ADJUSTMENT", "PHYSICAL_COUNT"], after, cursor, 1000),
                cancellationToken);
            changes.AddRange(page.Changes ?? []);
            cursor = page.Cursor;
        }
        while (cursor is not null);

        return changes;
    }

    /// <summary>These orders (at most 100 ids: pos-apis.md §1.5); an id Square does not know is simply absent from the answer.</summary>
    public async Task<IReadOnlyList<Order>> RetrieveOrdersAsync(IReadOnlyList<string> orderIds, CancellationToken cancellationToken) =>
        (await PostAsync<BatchRetrieveOrdersRequest, BatchRetrieveOrdersResponse>("v2/orders/batch-retrieve", new BatchRetrieveOrdersRequest(orderIds), cancellationToken)).Orders ?? [];

    /// <summary>Completed orders at these locations updated since <paramref name="since"/>, oldest update first.</summary>
    public async Task<List<Order>> SearchCompletedOrdersAsync(IReadOnlyList<string> locationIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var orders = new List<Order>();

        // SearchOrders takes at most 10 locations per call (pos-apis.md §1.7).
        foreach (var chunk in locationIds.Chunk(10))
        {
            string? cursor = null;
            do
            {
                var page = await PostAsync<SearchOrdersRequest, SearchOrdersResponse>(
                    "v2/orders/search",
                    new SearchOrdersRequest(
                        chunk,
                        new SearchOrdersQuery(
                            new SearchOrdersFilter(new SearchOrdersDateTimeFilter(new TimeRange(since)), new SearchOrdersStateFilter(["COMPLETED"])),
                            new SearchOrdersSort("UPDATED_AT", "ASC")),
                        500,
                        cursor),
                    cancellationToken);
                orders.AddRange(page.Orders ?? []);
                cursor = page.Cursor;
            }
            while (cursor is not null);
        }

        return orders;
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(connection.BaseUrl, path))
        {
            Content = JsonContent.Create(body, options: SquareJson.Options),
        };
        return await SendAsync<TResponse>(request, cancellationToken);
    }

    private async Task<TResponse> GetAsync<TResponse>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(connection.BaseUrl, path));
        return await SendAsync<TResponse>(request, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);
        request.Headers.Add("Square-Version", SquareVersion);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<TResponse>(SquareJson.Options, cancellationToken))!;
        }

        var errors = await ReadErrorsAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            // Still failing after the resilience handler's retries: the caller tries again later.
            throw new HttpRequestException($"Square answered {(int)response.StatusCode} after retries.", null, response.StatusCode);
        }

        throw new SquareApiException(response.StatusCode, errors);
    }

    private static async Task<IReadOnlyList<SquareError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<SquareErrorEnvelope>(SquareJson.Options, cancellationToken))?.Errors ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [new SquareError("API_ERROR", "UNREADABLE_ERROR", $"HTTP {(int)response.StatusCode} without a Square error body", null)];
        }
    }
}
