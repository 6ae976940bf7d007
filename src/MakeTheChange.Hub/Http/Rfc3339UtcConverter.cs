using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakeTheChange.Hub.Http;

/// <summary>
/// Times on the wire are RFC 3339 in UTC ("2026-11-21T09:30:00Z", docs api.md). A time without an
/// offset is refused rather than guessed: the hub runs in no particular time zone.
/// </summary>
internal sealed class Rfc3339UtcConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null
            || !HasOffset(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException("expected an RFC 3339 time with an offset, such as 2026-11-21T09:30:00Z.");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    private static bool HasOffset(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timeStart < 0)
        {
            return false;
        }

        var time = text.AsSpan(timeStart);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') > 0;
    }
}
