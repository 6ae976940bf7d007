using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>A JSON request body read as <typeparamref name="T"/>, or the 400 that answers it.</summary>
internal sealed record RequestBody<T>(T? Value, IResult? Failure)
    where T : class
{
    public static async Task<RequestBody<T>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return Failed("The request body must be a JSON object.");
        }

        try
        {
            if (JsonNode.Parse(buffer.ToArray()) is not JsonObject json)
            {
                return Failed("The request body must be a JSON object.");
            }

            return json.Deserialize<T>(LightspeedJson.Options) is { } value
                ? new RequestBody<T>(value, Failure: null)
                : Failed("The request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            return Failed($"The request body is not valid: {exception.Message}");
        }
    }

    private static RequestBody<T> Failed(string message) => new(Value: null, LightspeedResults.BadRequest(message));
}
