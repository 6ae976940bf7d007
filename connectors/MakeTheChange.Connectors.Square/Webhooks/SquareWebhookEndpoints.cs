using System.Text.Json;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Square.Webhooks;

/// <summary>
/// <c>POST /webhooks/square/{connectionId}</c>. The signature is checked over the raw bytes before
/// anything is read; a verified event is stored (duplicates dropped on Square's event id) and answered
/// at once, well within Square's 10 s, and processed behind the answer.
/// </summary>
public static class SquareWebhookEndpoints
{
    public static void MapSquareWebhooks(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/square/{connectionId}", ReceiveAsync)
            .WithTags("Webhooks")
            .WithSummary("What Square calls; needs a valid x-square-hmacsha256-signature")
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

        // The same answer whether the connection is unknown or the signature wrong: nothing to learn from probing.
        if (body is null
            || connection is not { Kind: SquareConnector.ConnectorKind }
            || !SquareSignature.IsValid(request.Headers[SquareSignature.Header], connection.WebhookSignatureKey, connection.NotificationUrl, body))
        {
            return TypedResults.Problem("The webhook signature is missing or does not match; nothing was applied.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        WebhookEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<WebhookEnvelope>(body, SquareJson.Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope?.EventId is not { Length: > 0 } eventId || envelope.Type is not { Length: > 0 } type)
        {
            return TypedResults.Problem("The body is not a Square event (event_id and type are required).", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        await inbox.StoreAsync(connection.ConnectionId, eventId, type, System.Text.Encoding.UTF8.GetString(body), cancellationToken);
        return TypedResults.Ok();
    }
}
