namespace MakeTheChange.Hub.Stock;

/// <summary>What the stock rules decided: a new state (with its ledger entry recorded), or a refusal.</summary>
public sealed record StockDecision(StockState? State, string? Refusal, IReadOnlyList<StockHold> NewlyAtRisk)
{
    public static StockDecision Refuse(string reason) => new(null, reason, []);

    public static StockDecision Accept(StockState before, StockState after) =>
        new(after, null, HoldCoverage.NewlyUncovered(before, after));
}
