using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>
/// Square's JSON: snake_case names, and absent rather than null fields. Empty result lists are left
/// out too (a search with no match answers <c>{}</c>), so clients must treat a missing array as empty.
/// </summary>
internal static class SquareJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Square writes `, < and > as they are; this JSON is never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
