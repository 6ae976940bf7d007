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

    public static Task<HttpResponseMessage> PostMovementAsync(this HttpClient client, string sku, string locationId, object movement) =>
        client.PostAsJsonAsync($"/api/stock/{sku}/{locationId}/movements", movement);
}
