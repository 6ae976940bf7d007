using System.Text.Json;

namespace MakeTheChange.Connectors.Lightspeed;

/// <summary>
/// A Lightspeed connection's own settings (the <c>settings</c> object of <c>PUT /api/connections/{id}</c>).
/// </summary>
/// <param name="SignatureInput">What the webhook HMAC covers: <c>raw-body</c> (the form-encoded body) or
/// <c>payload</c> (the decoded payload field). Lightspeed's docs leave it open (pos-apis.md §2.4).</param>
/// <param name="SignatureEncoding"><c>hex</c> or <c>base64</c>, equally undocumented.</param>
/// <param name="PushMode"><c>absolute</c>: read the amount, add the change, write it back with a version
/// check; <c>adjustment</c>: send the change as a stock adjustment.</param>
/// <param name="Registers">The store's registers: Lightspeed allows 300 × registers + 50 requests per 5 minutes.</param>
/// <param name="RateLimitRequests">Overrides the request budget (for a store with another agreement).</param>
/// <param name="RateLimitWindowSeconds">Overrides the 300 s window of the budget.</param>
/// <param name="StartVersion">Where the change feeds start for a new connection; by default at the store's latest version.</param>
public sealed record LightspeedSettings(
    string SignatureInput,
    string SignatureEncoding,
    string PushMode,
    int Registers,
    int? RateLimitRequests,
    int? RateLimitWindowSeconds,
    long? StartVersion)
{
    public const string RawBody = "raw-body";
    public const string Payload = "payload";
    public const string Hex = "hex";
    public const string Base64 = "base64";
    public const string Absolute = "absolute";
    public const string Adjustment = "adjustment";

    /// <summary>The requests allowed per window (pos-apis.md §2.1).</summary>
    public int BudgetRequests => RateLimitRequests ?? (300 * Registers) + 50;

    public TimeSpan BudgetWindow => TimeSpan.FromSeconds(RateLimitWindowSeconds ?? 300);

    public static LightspeedSettings Read(JsonElement settings) => new(
        Text(settings, "signatureInput") ?? RawBody,
        Text(settings, "signatureEncoding") ?? Hex,
        Text(settings, "pushMode") ?? Absolute,
        Number(settings, "registers") ?? 1,
        Number(settings, "rateLimitRequests"),
        Number(settings, "rateLimitWindowSeconds"),
        settings.TryGetProperty("startVersion", out var start) && start.TryGetInt64(out var version) ? version : null);

    public static IEnumerable<KeyValuePair<string, string>> Validate(JsonElement settings)
    {
        foreach (var property in settings.EnumerateObject())
        {
            var problem = property.Name switch
            {
                "signatureInput" => OneOf(property.Value, RawBody, Payload),
                "signatureEncoding" => OneOf(property.Value, Hex, Base64),
                "pushMode" => OneOf(property.Value, Absolute, Adjustment),
                "registers" or "rateLimitRequests" or "rateLimitWindowSeconds" =>
                    property.Value.TryGetInt32(out var number) && number is >= 1 and <= 100_000 ? null : "a whole number from 1 to 100000",
                "startVersion" => property.Value.TryGetInt64(out var version) && version >= 0 ? null : "a version number (0 or more)",
                _ => "not a Lightspeed setting (signatureInput, signatureEncoding, pushMode, registers, rateLimitRequests, rateLimitWindowSeconds, startVersion)",
            };
            if (problem is not null)
            {
                yield return KeyValuePair.Create(property.Name, $"{property.Name} must be {problem}.");
            }
        }
    }

    private static string? OneOf(JsonElement value, params string[] allowed) =>
        value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString(), StringComparer.Ordinal)
            ? null
            : $"one of {string.Join(", ", allowed)}";

    private static string? Text(JsonElement settings, string name) =>
        settings.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement settings, string name) =>
        settings.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;
}
