namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// A sale rung at a till: on which POS, its id there, where, what, and when (the machine's wall clock, the
/// one the hub stamps <c>recorded_at</c> with). <see cref="Measured"/> when it was due inside the measured window.
/// </summary>
internal sealed record RungSale(ISimulatedPos Pos, string SaleId, string Store, IReadOnlyList<string> Skus, DateTimeOffset RungAt, bool Measured);
