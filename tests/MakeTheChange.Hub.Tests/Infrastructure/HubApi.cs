using System.Net.Http.Json;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>Short ways to set up catalog data through the API.</summary>
internal static class HubApi
{
    public static async Task PutLocationAsync(this HttpClient client, string locationId, bool clickAndCollect = true)
    {
        var response = await client.PutAsJsonAsync($"/api/locations/{locationId}", new { name = $"Store {locationId}", kind = "store", clickAndCollect });
        response.EnsureSuccessStatusCode();
    }

    public static async Task PutProductAsync(this HttpClient client, string sku)
    {
        var response = await client.PutAsJsonAsync($"/api/products/{sku}", new { name = $"Product {sku}", priceCents = 1290 });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A location and products that exist, for a test's own stock.</summary>
    public static async Task CatalogAsync(this HttpClient client, string locationId, params string[] skus)
    {
        await client.PutLocationAsync(locationId);
        foreach (var sku in skus)
        {
            await client.PutProductAsync(sku);
        }
    }

    public static async Task ReceiveAsync(this HttpClient client, string sku, string locationId, int quantity, string? lot = null, string? bestBefore = null)
    {
        var response = await client.PostMovementAsync(sku, locationId, new { movementId = $"receipt-{Guid.NewGuid():N}", kind = "receipt", quantity, lot, bestBefore });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Receives one unit and returns the new on hand.</summary>
    public static async Task<int> ReceiveAndReadAsync(this HttpClient client, string sku, string locationId)
    {
        using var response = await client.PostMovementAsync(sku, locationId, new { movementId = $"receipt-{Guid.NewGuid():N}", kind = "receipt", quantity = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).Int("onHand");
    }

    public static Task<HttpResponseMessage> PostMovementAsync(this HttpClient client, string sku, string locationId, object movement) =>
        client.PostAsJsonAsync($"/api/stock/{sku}/{locationId}/movements", movement);
}
