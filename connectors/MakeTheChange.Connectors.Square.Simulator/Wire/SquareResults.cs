using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>Answers in Square's wire format: the body as snake_case JSON, errors in the envelope.</summary>
internal static class SquareResults
{
    public static IResult Ok<T>(T body) => TypedResults.Json(body, SquareJson.Options);

    public static IResult Errors(int statusCode, IReadOnlyList<SquareError> errors) =>
        TypedResults.Json(new SquareErrorResponse(errors), SquareJson.Options, statusCode: statusCode);

    public static IResult Error(int statusCode, string category, string code, string detail, string? field = null) =>
        Errors(statusCode, [new SquareError(category, code, detail, field)]);

    public static IResult BadRequest(IReadOnlyList<SquareError> errors) => Errors(StatusCodes.Status400BadRequest, errors);

    public static IResult NotFound(string detail) =>
        Error(StatusCodes.Status404NotFound, SquareErrorCategories.InvalidRequestError, SquareErrorCodes.NotFound, detail);
}
