using System.Text;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// The delivery body: <c>application/x-www-form-urlencoded</c>, UTF-8, with the entity JSON in the field
/// <c>payload</c>, plus <c>environment</c> and <c>domain_prefix</c>, which Lightspeed says "may be present but
/// are not guaranteed" (x-series-api.lightspeedhq.com/docs/webhooks). The docs do not say how the event type
/// travels, so it is sent as the field <c>type</c>.
/// </summary>
internal static class WebhookForm
{
    public const string ContentType = "application/x-www-form-urlencoded";
    public const string Environment = "prod";

    public static byte[] Encode(string type, string payload, string domainPrefix) =>
        Encoding.UTF8.GetBytes(string.Join(
            '&',
            Field("payload", payload),
            Field("environment", Environment),
            Field("domain_prefix", domainPrefix),
            Field("type", type)));

    /// <summary>Form encoding as HTML forms do it: percent-encoded UTF-8, spaces as '+'.</summary>
    private static string Field(string name, string value) =>
        $"{name}={Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal)}";
}
