namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>The <c>error</c> of an error body: the HTTP reason phrase, as in X-Series' documented 429.</summary>
internal static class ErrorTitles
{
    public const string BadRequest = "Bad Request";
    public const string Unauthorized = "Unauthorized";
    public const string NotFound = "Not Found";
    public const string Conflict = "Conflict";
    public const string TooManyRequests = "Too Many Requests";
    public const string InternalServerError = "Internal Server Error";
    public const string ServiceUnavailable = "Service Unavailable";
}
