using System.Buffers;

namespace MakeTheChange.Hub.Http;

/// <summary>
/// Ids chosen by callers (locations, SKUs, movements, reservations): 1 to 64 letters, digits, '-',
/// '_' and '.'. Keeping ':' and '@' out lets the hub build keys of its own from them unambiguously.
/// </summary>
public static class ResourceIds
{
    public const int MaxLength = 64;

    public const string Rule = "1 to 64 characters of letters, digits, '-', '_' and '.'";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);
}
