namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>The <c>ErrorCode</c> values the simulator answers with, spelled as in Square's spec.</summary>
internal static class SquareErrorCodes
{
    public const string ArrayEmpty = "ARRAY_EMPTY";
    public const string ArrayLengthTooLong = "ARRAY_LENGTH_TOO_LONG";
    public const string BadRequest = "BAD_REQUEST";
    public const string ExpectedJsonBody = "EXPECTED_JSON_BODY";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidEnumValue = "INVALID_ENUM_VALUE";
    public const string InvalidTime = "INVALID_TIME";
    public const string InvalidValue = "INVALID_VALUE";
    public const string MissingRequiredParameter = "MISSING_REQUIRED_PARAMETER";
    public const string NotFound = "NOT_FOUND";
    public const string RateLimited = "RATE_LIMITED";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string ValueTooHigh = "VALUE_TOO_HIGH";
    public const string ValueTooLong = "VALUE_TOO_LONG";
    public const string ValueTooLow = "VALUE_TOO_LOW";
    public const string ValueTooShort = "VALUE_TOO_SHORT";
}
