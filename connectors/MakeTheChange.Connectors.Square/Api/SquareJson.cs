using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakeTheChange.Connectors.Square.Api;

/// <summary>Square's wire format: snake_case names, nulls left out.</summary>
internal static class SquareJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
