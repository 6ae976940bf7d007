namespace MakeTheChange.Hub.Reservations;

/// <summary>A line that could not be held: what was asked for and what was available at the location.</summary>
public sealed record InsufficientLine(string Sku, int Requested, int Available);
