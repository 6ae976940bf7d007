using System.Text.Json.Serialization;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>How the HMAC is written in <c>X-Signature</c>; the docs' sample value is neither, so both are offered (pos-apis.md §2.4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookSignatureEncoding>))]
public enum WebhookSignatureEncoding
{
    /// <summary>Lowercase hexadecimal.</summary>
    [JsonStringEnumMemberName("hex")]
    Hex = 0,

    [JsonStringEnumMemberName("base64")]
    Base64 = 1,
}
