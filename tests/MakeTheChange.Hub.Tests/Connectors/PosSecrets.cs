namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>The credentials the simulators accept; the hub must never show them.</summary>
public static class PosSecrets
{
    public const string AccessToken = "pos-access-token-9f27c1";
    public const string SignatureKey = "pos-signature-key-51d8e0";
}
