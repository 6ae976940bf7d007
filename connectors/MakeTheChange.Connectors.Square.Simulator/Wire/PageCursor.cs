using System.Buffers.Text;
using System.Text;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>
/// Square cursors are opaque; these carry the position after the last result of a page, prefixed
/// with the endpoint so that a cursor from one endpoint is refused by another (INVALID_CURSOR).
/// </summary>
internal static class PageCursor
{
    public static string Encode(string endpoint, string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{endpoint}|{position}"));

    public static bool TryDecode(string endpoint, string cursor, out string position)
    {
        position = string.Empty;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var prefix = endpoint + "|";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        position = text[prefix.Length..];
        return true;
    }
}
