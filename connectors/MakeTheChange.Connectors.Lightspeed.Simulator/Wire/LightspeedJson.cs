using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>
/// X-Series JSON: snake_case names, and null fields written out (<c>"deleted_at": null</c>,
/// <c>"variant_name": null</c>), as the 2.0 examples show. Numbers sent as strings are read too.
/// </summary>
internal static class LightspeedJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,

            // This JSON is never embedded in HTML; webhook payloads carry names with & and ' as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
