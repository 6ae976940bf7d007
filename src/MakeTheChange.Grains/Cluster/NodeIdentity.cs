using System.Security.Cryptography;

namespace MakeTheChange.Grains.Cluster;

/// <summary>This hub process among the nodes sharing the database; new at every start.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
