using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Connectors.Square.Webhooks;

/// <summary>
/// x-square-hmacsha256-signature = Base64(HMAC-SHA256(key: the subscription's signature key, message:
/// the notification URL followed by the raw body)) (pos-apis.md §1.6; Square's WebhooksHelper). The URL
/// is the one registered with Square, byte for byte, never rebuilt from the request.
/// </summary>
internal static class SquareSignature
{
    public const string Header = "x-square-hmacsha256-signature";

    public static string Compute(string signatureKey, Uri notificationUrl, ReadOnlySpan<byte> body)
    {
        var url = Encoding.UTF8.GetBytes(notificationUrl.OriginalString);
        var message = new byte[url.Length + body.Length];
        url.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(url.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureKey), message));
    }

    public static bool IsValid(string? presented, string signatureKey, Uri notificationUrl, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signatureKey, notificationUrl, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(presented));
    }
}
