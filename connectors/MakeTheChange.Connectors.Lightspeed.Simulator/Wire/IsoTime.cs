using System.Globalization;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>Times as X-Series 2.0 writes them: ISO 8601 in UTC, to the second.</summary>
internal static class IsoTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An HTTP-date (RFC 1123), how X-Series writes <c>Retry-After</c> (pos-apis.md §2.1).</summary>
    public static string HttpDate(DateTimeOffset value) => value.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}
