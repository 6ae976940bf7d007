namespace MakeTheChange.Hub.Stock;

/// <summary>Why storage refused a stock write: these movement ids are already in the ledger.</summary>
public sealed record DuplicateMovements(IReadOnlyList<string> MovementIds);
