using System.Text.Json;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Control;

/// <summary>
/// Body of <c>POST /simulator/webhooks/send</c>: <c>payload</c> is either a JSON string, sent as its text
/// (malformed JSON included), or any other JSON value, sent as written.
/// </summary>
internal sealed record RawWebhookBody(string? Type, JsonElement? Payload, bool BadSignature)
{
    public string PayloadText => Payload switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString()!,
        { ValueKind: not JsonValueKind.Undefined } json => json.GetRawText(),
        _ => string.Empty,
    };
}
