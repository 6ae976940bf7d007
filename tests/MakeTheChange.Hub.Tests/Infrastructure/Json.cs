using System.Text.Json;

namespace MakeTheChange.Hub.Tests.Infrastructure;

internal static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static string? Str(this JsonElement element, string property) => element.GetProperty(property).GetString();
}
