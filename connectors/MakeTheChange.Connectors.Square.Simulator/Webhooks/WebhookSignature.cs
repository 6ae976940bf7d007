using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>
/// <c>x-square-hmacsha256-signature</c>: Base64(HMAC-SHA256(key = signature key as UTF-8,
/// message = notification URL as UTF-8 followed by the raw body)) (pos-apis.md §1.6, Square's webhooks_helper).
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "x-square-hmacsha256-signature";

    public static string Compute(string notificationUrl, string signatureKey, byte[] body)
    {
        var url = Encoding.UTF8.GetBytes(notificationUrl);
        var message = new byte[url.Length + body.Length];
        url.CopyTo(message, 0);
        body.CopyTo(message, url.Length);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureKey), message));
    }

    /// <summary>A well-formed signature made with another key, for receivers' rejection tests.</summary>
    public static string ComputeWrong(string notificationUrl, string signatureKey, byte[] body) =>
        Compute(notificationUrl, signatureKey + "-not-the-key", body);
}
