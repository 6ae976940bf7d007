namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// The sales the tills rang matched, line by line, with the ledger rows the hub wrote for them (by the
/// POS's order or sale id and the movement id it derives from it) and with when the hub stored each sale's
/// first webhook.
/// </summary>
internal sealed class SaleLines
{
    private readonly List<Line> _lines = [];

    private SaleLines()
    {
    }

    /// <summary>Lines rung whose ledger row never came.</summary>
    public int Missing { get; private set; }

    /// <summary>Ledger rows beyond one per line rung (a line applied twice).</summary>
    public int Duplicated { get; private set; }

    /// <summary>Ledger rows of these connections that no till rang.</summary>
    public int Unexpected { get; private set; }

    public int Count => _lines.Count;

    /// <summary>Units each key sold at the tills.</summary>
    public Dictionary<(string LocationId, string Sku), int> Sold { get; } = [];

    public static SaleLines Match(
        IReadOnlyList<RungSale> sales,
        Dictionary<string, List<HubLedger.Movement>> movements,
        Dictionary<string, DateTimeOffset> notices)
    {
        var matched = new SaleLines();
        var rung = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sale in sales)
        {
            rung.Add(sale.SaleId);
            var prefix = sale.Pos.MovementIdPrefix(sale.SaleId);
            var rows = movements.GetValueOrDefault(sale.SaleId)?.Where(row => row.MovementId.StartsWith(prefix, StringComparison.Ordinal)).ToList() ?? [];
            matched.Duplicated += Math.Max(0, rows.Count - sale.Skus.Count) + (rows.Count - rows.Select(row => row.MovementId).Distinct(StringComparer.Ordinal).Count());
            matched.Missing += Math.Max(0, sale.Skus.Count - rows.Count);
            DateTimeOffset? notice = notices.TryGetValue(sale.SaleId, out var stored) ? stored : null;
            for (var index = 0; index < sale.Skus.Count; index++)
            {
                var key = (sale.Store, sale.Skus[index]);
                matched.Sold[key] = matched.Sold.GetValueOrDefault(key) + 1;
                matched._lines.Add(new Line(sale, notice, index < rows.Count ? rows[index].RecordedAt : null));
            }
        }

        matched.Unexpected = movements.Where(pair => !rung.Contains(pair.Key)).Sum(pair => pair.Value.Count);
        return matched;
    }

    /// <summary>Ring → ledger row, for the lines of the sales <paramref name="which"/> picks.</summary>
    public TillLatency Latency(Func<RungSale, bool> which) =>
        Of(which, line => line.RecordedAt - line.Sale.RungAt);

    /// <summary>Ring → the hub stored the sale's first webhook.</summary>
    public TillLatency Notice(Func<RungSale, bool> which) =>
        Of(which, line => line.Notice - line.Sale.RungAt);

    /// <summary>The hub stored the sale's first webhook → ledger row.</summary>
    public TillLatency Apply(Func<RungSale, bool> which) =>
        Of(which, line => line.RecordedAt - line.Notice);

    private TillLatency Of(Func<RungSale, bool> which, Func<Line, TimeSpan?> delay)
    {
        var delays = _lines.Where(line => which(line.Sale)).Select(delay).ToList();
        return TillLatency.Of(delays.Where(span => span.HasValue).Select(span => span!.Value.TotalMilliseconds), delays.Count(span => !span.HasValue));
    }

    private sealed record Line(RungSale Sale, DateTimeOffset? Notice, DateTimeOffset? RecordedAt);
}
