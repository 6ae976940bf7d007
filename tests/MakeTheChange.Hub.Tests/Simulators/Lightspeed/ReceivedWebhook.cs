using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

using MakeTheChange.Connectors.Lightspeed.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Lightspeed;

public sealed record ReceivedWebhook(string? SignatureHeader, string ContentType, byte[] Body, DateTimeOffset ReceivedAt)
{
    /// <summary>What the receiver records of a POST: the <c>X-Signature</c> header (null when absent) and the form body.</summary>
    public static ReceivedWebhook Read(HttpRequest request, byte[] body)
    {
        var signature = request.Headers["X-Signature"];
        return new ReceivedWebhook(signature.Count == 0 ? null : signature.ToString(), request.ContentType ?? string.Empty, body, DateTimeOffset.UtcNow);
    }

    public Dictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body)).ToDictionary(entry => entry.Key, entry => entry.Value.ToString(), StringComparer.Ordinal);

    public string Type => Form["type"];

    public string PayloadText => Form["payload"];

    public JsonNode Payload => JsonNode.Parse(PayloadText)!;

    public string EntityId => Payload["id"]!.GetValue<string>();

    /// <summary>Verifies as a receiver must: parse the header, recompute the HMAC over what the subscription signs, compare in constant time.</summary>
    public bool HasValidSignature(string clientSecret, string signatureInput, string signatureEncoding)
    {
        if (SignatureHeader is null)
        {
            return false;
        }

        var members = SignatureHeader.Split(',')
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
        if (members.GetValueOrDefault("algorithm") != "HMAC-SHA256" || !members.TryGetValue("signature", out var signature))
        {
            return false;
        }

        var message = signatureInput == "payload" ? Encoding.UTF8.GetBytes(PayloadText) : Body;
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), message);
        var expected = signatureEncoding == "base64" ? Convert.ToBase64String(hash) : Convert.ToHexStringLower(hash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
