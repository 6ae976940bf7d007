namespace MakeTheChange.Hub.Telemetry;

/// <summary>The hub's own instruments (meters <c>MakeTheChange.*</c>) as they stood at <c>takenAt</c>.</summary>
public sealed record MetricsSnapshotResponse(DateTimeOffset TakenAt, IReadOnlyList<InstrumentReading> Instruments);
