using System.Security.Cryptography;
using System.Text;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace MakeTheChange.Connectors.Lightspeed.Webhooks;

/// <summary>
/// <c>POST /webhooks/lightspeed/{connectionId}</c>: form-encoded, the entity in the <c>payload</c> field
/// (pos-apis.md §2.4). When the connection has a client secret, the signature is checked over the raw
/// bytes before anything is read (401, nothing stored). Lightspeed sends no event id: the body's hash
/// stands in for one, so a redelivered event is stored once. Answered at once, well within Lightspeed's
/// 5 s; the event only tells the connector to poll now.
/// </summary>
public static class LightspeedWebhookEndpoints
{
    public static void MapLightspeedWebhooks(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/lightspeed/{connectionId}", ReceiveAsync)
            .WithTags("Webhooks")
            .WithSummary("What Lightspeed calls; needs a valid X-Signature when the connection has a client secret")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        string connectionId,
        HttpRequest request,
        PosConnectionStore connections,
        InboundEventInbox inbox,
        CancellationToken cancellationToken)
    {
        var body = await WebhookBody.ReadAsync(request, cancellationToken);
        var connection = ResourceIds.IsValid(connectionId) ? await connections.FindAsync(connectionId, cancellationToken) : null;
        if (body is null || connection is not { Kind: LightspeedConnector.ConnectorKind })
        {
            return Unauthorized();
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var payload = form.TryGetValue("payload", out var payloadValue) ? payloadValue.ToString() : null;
        if (connection.WebhookSignatureKey.Length > 0)
        {
            var settings = LightspeedSettings.Read(connection.Settings);
            var signed = settings.SignatureInput == LightspeedSettings.Payload ? Encoding.UTF8.GetBytes(payload ?? string.Empty) : body;
            if (!LightspeedSignature.IsValid(request.Headers[LightspeedSignature.Header], connection.WebhookSignatureKey, signed, settings.SignatureEncoding))
            {
                return Unauthorized();
            }
        }

        var type = form.TryGetValue("type", out var typeValue) ? typeValue.ToString() : null;
        if (string.IsNullOrEmpty(payload) || string.IsNullOrEmpty(type))
        {
            return TypedResults.Problem("The body is not a Lightspeed webhook (the payload and type fields are required).", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        await inbox.StoreAsync(connection.ConnectionId, $"sha256:{Convert.ToHexStringLower(SHA256.HashData(body))}", type, payload, cancellationToken);
        return TypedResults.Ok();
    }

    // The same answer whether the connection is unknown or the signature wrong: nothing to learn from probing.
    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("The webhook signature is missing or does not match; nothing was applied.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
