namespace MakeTheChange.Hub.Stock;

/// <summary>A page of the ledger, oldest first; <c>next</c> is the cursor of the following page, null at the end.</summary>
public sealed record MovementPage(IReadOnlyList<MovementEntryResponse> Items, string? Next);
