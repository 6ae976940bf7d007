using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Connectors.Lightspeed.Webhooks;

/// <summary>
/// <c>X-Signature: signature=&lt;sig&gt;,algorithm=HMAC-SHA256</c>, an HMAC-SHA256 keyed with the app's
/// client secret (pos-apis.md §2.4). Lightspeed does not say whether it covers the raw form body or the
/// decoded payload, nor whether it is hex or base64: both are settings of the connection.
/// </summary>
internal static class LightspeedSignature
{
    public const string Header = "X-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> message, string encoding)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return encoding == LightspeedSettings.Base64 ? Convert.ToBase64String(hash) : Convert.ToHexStringLower(hash);
    }

    public static bool IsValid(string? header, string secret, ReadOnlySpan<byte> message, string encoding)
    {
        if (Signature(header) is not { } presented)
        {
            return false;
        }

        var expected = Compute(secret, message, encoding);

        // Hex may come in either case; base64 may not.
        var comparable = encoding == LightspeedSettings.Base64 ? presented : presented.ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(comparable));
    }

    /// <summary>The signature part of "signature=…,algorithm=HMAC-SHA256"; null unless the algorithm is HMAC-SHA256.</summary>
    private static string? Signature(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        string? signature = null;
        string? algorithm = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var (name, value) = (part[..equals], part[(equals + 1)..]);
            if (name.Equals("signature", StringComparison.OrdinalIgnoreCase))
            {
                signature = value;
            }
            else if (name.Equals("algorithm", StringComparison.OrdinalIgnoreCase))
            {
                algorithm = value;
            }
        }

        return string.Equals(algorithm, "HMAC-SHA256", StringComparison.OrdinalIgnoreCase) ? signature : null;
    }
}
