using System.Text.Json.Serialization;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// What the HMAC covers. Lightspeed says only "hashing the webhook request body" (pos-apis.md §2.4), which
/// reads two ways; the simulator does either, so a receiver can be built to accept what the live store sends.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookSignatureInput>))]
public enum WebhookSignatureInput
{
    /// <summary>The raw form-encoded request body, byte for byte.</summary>
    [JsonStringEnumMemberName("raw-body")]
    RawBody = 0,

    /// <summary>The UTF-8 bytes of the decoded <c>payload</c> field (the JSON text).</summary>
    [JsonStringEnumMemberName("payload")]
    Payload = 1,
}
