using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakeTheChange.Hub.Http;

/// <summary>Dates on the wire (best-before dates) are YYYY-MM-DD, nothing else.</summary>
internal sealed class IsoDateConverter : JsonConverter<DateOnly>
{
    private const string Format = "yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateOnly.TryParseExact(reader.GetString(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonException("expected a date as YYYY-MM-DD.");

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}
