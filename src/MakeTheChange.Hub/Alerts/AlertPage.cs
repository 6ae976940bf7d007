namespace MakeTheChange.Hub.Alerts;

/// <summary>Alerts, newest first; <c>next</c> is the cursor of the following (older) page, null at the end.</summary>
public sealed record AlertPage(IReadOnlyList<AlertResponse> Items, string? Next);
