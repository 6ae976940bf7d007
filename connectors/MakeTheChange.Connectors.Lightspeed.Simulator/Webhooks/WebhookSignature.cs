using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// <c>X-Signature: signature=&lt;sig&gt;,algorithm=HMAC-SHA256</c>, the HMAC keyed with the app's client secret
/// (x-series-api.lightspeedhq.com/docs/webhooks). What it covers and how it is written are the subscription's
/// choice, because the docs leave both open (pos-apis.md §2.4).
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-Signature";
    public const string Algorithm = "HMAC-SHA256";

    public static string Compute(string clientSecret, WebhookSignatureInput input, WebhookSignatureEncoding encoding, byte[] body, string payload)
    {
        var message = input == WebhookSignatureInput.Payload ? Encoding.UTF8.GetBytes(payload) : body;
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), message);
        return encoding == WebhookSignatureEncoding.Base64 ? Convert.ToBase64String(hash) : Convert.ToHexStringLower(hash);
    }

    /// <summary>A well-formed signature made with another key, for receivers' rejection tests.</summary>
    public static string ComputeWrong(string? clientSecret, WebhookSignatureInput input, WebhookSignatureEncoding encoding, byte[] body, string payload) =>
        Compute((clientSecret ?? string.Empty) + "-not-the-secret", input, encoding, body, payload);

    public static string HeaderValue(string signature) => $"signature={signature},algorithm={Algorithm}";
}
