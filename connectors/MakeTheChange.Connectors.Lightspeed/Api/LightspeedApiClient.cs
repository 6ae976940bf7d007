using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>
/// The Lightspeed X-Series calls the connector makes, for one connection. Every request goes through the
/// store's rate governor; transient failures are retried (writes only where they cannot have gone through).
/// </summary>
internal sealed class LightspeedApiClient(HttpClient http, PosConnection connection, LightspeedSettings settings)
{
    private const int PageSize = 1000;

    /// <summary>Products with exactly this SKU (the lookup ignores every other parameter: pos-apis.md §2.2).</summary>
    public async Task<IReadOnlyList<Product>> FindProductsBySkuAsync(string sku, CancellationToken cancellationToken) =>
        (await GetAsync<Page<Product>>($"api/2.0/products?sku={Uri.EscapeDataString(sku)}", cancellationToken)).Data ?? [];

    public async Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken)
    {
        try
        {
            return (await GetAsync<Single<Product>>($"api/2.0/products/{Uri.EscapeDataString(productId)}", cancellationToken)).Data;
        }
        catch (LightspeedApiException notFound) when (notFound.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The product's inventory records, one per outlet.</summary>
    public async Task<IReadOnlyList<InventoryRecord>> GetInventoryAsync(string productId, CancellationToken cancellationToken) =>
        (await GetAsync<Page<InventoryRecord>>($"api/2.0/products/{Uri.EscapeDataString(productId)}/inventory", cancellationToken)).Data ?? [];

    /// <summary>
    /// Sets an outlet's absolute amount if its inventory is still at <paramref name="version"/>; null when
    /// it changed since (a till sale): read again and retry.
    /// </summary>
    public async Task<IReadOnlyList<InventoryRecord>?> SetAmountAsync(
        string productId,
        string outletId,
        int amount,
        long? version,
        CancellationToken cancellationToken)
    {
        using var request = Request(
            HttpMethod.Put,
            $"api/2.1/products/{Uri.EscapeDataString(productId)}",
            new PutProductRequest(new ProductDetails([new InventoryAmount(outletId, amount)]), version));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<PutProductResponse>(LightspeedJson.Options, cancellationToken))?.Data?.Inventory ?? [];
    }

    public async Task AdjustAsync(IReadOnlyList<StockAdjustment> adjustments, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "api/2026-07/stock_adjustments", new StockAdjustmentsRequest(adjustments));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>One page of a change feed: entities changed after <paramref name="after"/>, by version (pos-apis.md §2.1).</summary>
    public Task<Page<Sale>> SalesAfterAsync(long after, CancellationToken cancellationToken) =>
        GetAsync<Page<Sale>>($"api/2.0/sales?after={after.ToString(CultureInfo.InvariantCulture)}&page_size={PageSize}", cancellationToken);

    public Task<Page<InventoryRecord>> InventoryAfterAsync(long after, CancellationToken cancellationToken) =>
        GetAsync<Page<InventoryRecord>>($"api/2.0/inventory?after={after.ToString(CultureInfo.InvariantCulture)}&page_size={PageSize}", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, body: null);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(LightspeedJson.Options, cancellationToken))!;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(connection.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);

        // Lightspeed wants a User-Agent on every call (pos-apis.md §2.1).
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("MakeTheChangeHub", "1.0"));
        request.Options.Set(LightspeedRateLimitHandler.Budget, new RateBudget(settings.BudgetRequests, settings.BudgetWindow));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: LightspeedJson.Options);
        }

        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            // Still failing after the governor and the retries: the caller tries again later.
            throw new HttpRequestException($"Lightspeed answered {(int)response.StatusCode} after retries.", null, response.StatusCode);
        }

        LightspeedError? error;
        try
        {
            error = await response.Content.ReadFromJsonAsync<LightspeedError>(LightspeedJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            error = null;
        }

        throw new LightspeedApiException(response.StatusCode, error?.Message ?? error?.Error ?? "no error body");
    }
}
