using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>
/// Collects a request's errors the way Square reports them: every problem found, each with the
/// <c>field</c> it is about, answered together as one 400.
/// </summary>
internal sealed class SquareValidation
{
    private readonly List<SquareError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IResult ToResult() => SquareResults.BadRequest(_errors);

    public void Add(string code, string detail, string? field) =>
        _errors.Add(new SquareError(SquareErrorCategories.InvalidRequestError, code, detail, field));

    public void Missing(string field) =>
        Add(SquareErrorCodes.MissingRequiredParameter, $"Field must be set: {field}.", field);

    public void Invalid(string field, string detail) => Add(SquareErrorCodes.InvalidValue, detail, field);

    public void NotFound(string field, string detail) => Add(SquareErrorCodes.NotFound, detail, field);

    /// <summary>A page size: absent means <paramref name="defaultLimit"/>; outside 1..max is an error.</summary>
    public int Limit(int? limit, int defaultLimit, int maxLimit, string field = "limit")
    {
        switch (limit)
        {
            case null:
                return defaultLimit;
            case < 1:
                Add(SquareErrorCodes.ValueTooLow, $"`{field}` must be at least 1.", field);
                return defaultLimit;
            case var value when value > maxLimit:
                Add(SquareErrorCodes.ValueTooHigh, string.Create(CultureInfo.InvariantCulture, $"`{field}` must be at most {maxLimit}."), field);
                return defaultLimit;
            default:
                return limit.Value;
        }
    }

    public DateTimeOffset? OptionalTime(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var value))
        {
            return value;
        }

        Add(SquareErrorCodes.InvalidTime, $"`{field}` must be an RFC 3339 time with an offset, such as 2025-09-01T13:10:00Z.", field);
        return null;
    }

    /// <summary>The position a cursor carries; null for the first page or a cursor that is not ours (then an error).</summary>
    public string? Cursor(string? cursor, string endpoint)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (PageCursor.TryDecode(endpoint, cursor, out var position))
        {
            return position;
        }

        Add(SquareErrorCodes.InvalidCursor, "The cursor is not valid for this request; send back the cursor of the previous page unchanged.", "cursor");
        return null;
    }

    /// <summary>A numeric cursor position (an offset or a sequence number); 0 for the first page.</summary>
    public long CursorPosition(string? cursor, string endpoint)
    {
        var position = Cursor(cursor, endpoint);
        if (position is null)
        {
            return 0;
        }

        if (long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Add(SquareErrorCodes.InvalidCursor, "The cursor is not valid for this request; send back the cursor of the previous page unchanged.", "cursor");
        return 0;
    }

    /// <summary>Checks that every entry of an optional list is one of <paramref name="allowed"/>.</summary>
    public void EnumValues(IReadOnlyList<string>? values, IReadOnlySet<string> allowed, string field)
    {
        if (values is null)
        {
            return;
        }

        for (var index = 0; index < values.Count; index++)
        {
            if (!allowed.Contains(values[index]))
            {
                Add(
                    SquareErrorCodes.InvalidEnumValue,
                    $"`{values[index]}` is not a valid value for {field}.",
                    string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]"));
            }
        }
    }
}
