using System.Runtime.CompilerServices;

namespace MakeTheChange.Hub.Security;

/// <summary>
/// Compares a presented API key with the configured one in time that depends only on the presented
/// key's length, which the caller knows anyway: neither the configured key's characters nor its
/// length show in the timing. No hashing and no allocation, since every API request does it.
/// </summary>
internal static class ApiKeyComparison
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool Matches(ReadOnlySpan<char> presented, string expected)
    {
        if (expected.Length == 0)
        {
            return false;
        }

        var difference = presented.Length ^ expected.Length;
        for (var i = 0; i < presented.Length; i++)
        {
            difference |= presented[i] ^ expected[i % expected.Length];
        }

        return difference == 0;
    }
}
