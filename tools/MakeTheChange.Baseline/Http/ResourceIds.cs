using System.Buffers;

namespace MakeTheChange.Baseline.Http;

/// <summary>Ids chosen by callers follow the hub's rule: 1 to 64 letters, digits, '-', '_' and '.'.</summary>
internal static class ResourceIds
{
    public const int MaxLength = 64;

    public const string Rule = "1 to 64 characters of letters, digits, '-', '_' and '.'";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);
}
