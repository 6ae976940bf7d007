using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

using MakeTheChange.Connectors.Square.Simulator;

namespace MakeTheChange.Hub.Tests.Simulators.Square;

public sealed record ReceivedWebhook(string Signature, string Environment, string ContentType, byte[] Body, DateTimeOffset ReceivedAt)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    public string EventId => Json["event_id"]!.GetValue<string>();

    /// <summary>What the receiver records of a POST: Square's signature and environment headers, and the body.</summary>
    public static ReceivedWebhook Read(HttpRequest request, byte[] body) => new(
        request.Headers["x-square-hmacsha256-signature"].ToString(),
        request.Headers["square-environment"].ToString(),
        request.ContentType ?? string.Empty,
        body,
        DateTimeOffset.UtcNow);

    /// <summary>Verifies the signature as a receiver must: HMAC-SHA256 over the URL bytes then the raw body, base64.</summary>
    public bool HasValidSignature(string notificationUrl, string signatureKey)
    {
        var message = Encoding.UTF8.GetBytes(notificationUrl).Concat(Body).ToArray();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureKey), message));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Signature));
    }
}
