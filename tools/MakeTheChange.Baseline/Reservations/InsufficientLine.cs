namespace MakeTheChange.Baseline.Reservations;

/// <summary>A line that could not be held, as the hub lists it: what was asked for and what was available (0 without a stock row).</summary>
public sealed record InsufficientLine(string Sku, int Requested, int Available);
