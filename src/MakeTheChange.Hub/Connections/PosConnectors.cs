namespace MakeTheChange.Hub.Connections;

/// <summary>The connectors this hub runs, by kind.</summary>
public sealed class PosConnectors(IEnumerable<IPosConnector> connectors)
{
    private readonly Dictionary<string, IPosConnector> _byKind = connectors.ToDictionary(connector => connector.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    public IPosConnector? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
