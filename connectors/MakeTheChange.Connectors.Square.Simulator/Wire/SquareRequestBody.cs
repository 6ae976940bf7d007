using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>A Square request body: the request as read, and the JSON it came from (idempotency compares it).</summary>
internal sealed record SquareRequestBody<T>(T? Value, JsonObject? Json, IResult? Failure)
    where T : class
{
    public static async Task<SquareRequestBody<T>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return Failed(SquareErrorCodes.ExpectedJsonBody, "The request body must be a JSON object.", field: null);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException exception)
        {
            return Failed(SquareErrorCodes.BadRequest, $"The request body is not valid JSON: {exception.Message}", field: null);
        }

        if (node is not JsonObject json)
        {
            return Failed(SquareErrorCodes.ExpectedJsonBody, "The request body must be a JSON object.", field: null);
        }

        try
        {
            return new SquareRequestBody<T>(json.Deserialize<T>(SquareJson.Options), json, Failure: null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            return Failed(SquareErrorCodes.BadRequest, $"A field of the request has the wrong type: {exception.Message}", field);
        }
    }

    private static SquareRequestBody<T> Failed(string code, string detail, string? field) =>
        new(Value: null, Json: null, SquareResults.BadRequest([new SquareError(SquareErrorCategories.InvalidRequestError, code, detail, field)]));
}
