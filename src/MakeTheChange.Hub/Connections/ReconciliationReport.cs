namespace MakeTheChange.Hub.Connections;

/// <summary>What a reconciliation compared, the drift it found, and what it repaired.</summary>
public sealed record ReconciliationReport(
    string ConnectionId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Compared,
    IReadOnlyList<DriftItem> Drift,
    int Repaired);
