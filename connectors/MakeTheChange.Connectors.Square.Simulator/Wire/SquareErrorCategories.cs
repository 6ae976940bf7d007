namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>The <c>ErrorCategory</c> values the simulator answers with (pos-apis.md §1.1).</summary>
internal static class SquareErrorCategories
{
    public const string ApiError = "API_ERROR";
    public const string AuthenticationError = "AUTHENTICATION_ERROR";
    public const string InvalidRequestError = "INVALID_REQUEST_ERROR";
    public const string RateLimitError = "RATE_LIMIT_ERROR";
}
