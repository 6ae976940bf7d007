using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>Answers in X-Series' wire format: snake_case JSON, errors as <c>{"error","message"}</c>.</summary>
internal static class LightspeedResults
{
    public static IResult Ok<T>(T body) => TypedResults.Json(body, LightspeedJson.Options);

    public static IResult Created<T>(T body) => TypedResults.Json(body, LightspeedJson.Options, statusCode: StatusCodes.Status201Created);

    public static IResult Error(int statusCode, string error, string message) =>
        TypedResults.Json(new LightspeedError(error, message), LightspeedJson.Options, statusCode: statusCode);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, ErrorTitles.BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, ErrorTitles.NotFound, message);

    public static IResult Conflict(string message) => Error(StatusCodes.Status409Conflict, ErrorTitles.Conflict, message);
}
