using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>Lightspeed's wire format: snake_case names, nulls left out.</summary>
internal static class LightspeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
