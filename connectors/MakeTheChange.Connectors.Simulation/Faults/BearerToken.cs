using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Connectors.Simulation.Faults;

/// <summary>The <c>Authorization: Bearer</c> check of a simulated vendor API.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>Whether <paramref name="authorization"/> (the header's value) carries <paramref name="accessToken"/>, compared in constant time.</summary>
    public static bool Matches(string authorization, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(accessToken);
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()),
            Encoding.UTF8.GetBytes(accessToken));
    }
}
