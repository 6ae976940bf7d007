using Npgsql;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>The stock invariants, checked in SQL over what the hub committed.</summary>
internal static class Ledger
{
    /// <summary>
    /// Every broken invariant, as text (empty when all hold): each level equals its ledger replayed,
    /// its holds add up to held, its lots to the positive part of on hand, its ledger has no gap, and no
    /// hold survives its reservation.
    /// </summary>
    public static async Task<List<string>> ViolationsAsync(string connectionString)
    {
        const string Checks =
            """
            SELECT 'ledger ' || l.sku || '@' || l.location_id || ': level ' || l.on_hand || '/' || l.held
                   || ' but ledger ' || coalesce(m.on_hand, 0) || '/' || coalesce(m.held, 0) || ' over ' || coalesce(m.rows, 0) || ' rows, last_seq ' || l.last_seq
            FROM stock_levels l
            LEFT JOIN (SELECT location_id, sku, sum(on_hand_delta) AS on_hand, sum(held_delta) AS held, count(*) AS rows, max(seq) AS last_seq
                       FROM stock_movements GROUP BY location_id, sku) m USING (location_id, sku)
            WHERE l.on_hand <> coalesce(m.on_hand, 0) OR l.held <> coalesce(m.held, 0)
               OR l.last_seq <> coalesce(m.rows, 0) OR l.last_seq <> coalesce(m.last_seq, 0)
            UNION ALL
            SELECT 'holds ' || l.sku || '@' || l.location_id || ': held ' || l.held || ' but holds add up to ' || coalesce(h.total, 0)
            FROM stock_levels l
            LEFT JOIN (SELECT location_id, sku, sum(quantity) AS total FROM stock_holds GROUP BY location_id, sku) h USING (location_id, sku)
            WHERE l.held <> coalesce(h.total, 0)
            UNION ALL
            SELECT 'lots ' || l.sku || '@' || l.location_id || ': on hand ' || l.on_hand || ' but lots add up to ' || (coalesce(t.total, 0) + l.unlotted)
            FROM stock_levels l
            LEFT JOIN (SELECT location_id, sku, sum(quantity) AS total FROM stock_lots GROUP BY location_id, sku) t USING (location_id, sku)
            WHERE greatest(l.on_hand, 0) <> coalesce(t.total, 0) + l.unlotted
            UNION ALL
            SELECT 'orphan hold ' || h.reservation_id || ' on ' || h.sku || '@' || h.location_id || ' (reservation ' || coalesce(r.status, 'missing') || ')'
            FROM stock_holds h LEFT JOIN reservations r USING (reservation_id)
            WHERE r.status IS DISTINCT FROM 'held'
            UNION ALL
            SELECT 'unheld line ' || r.reservation_id || ' ' || rl.sku
            FROM reservations r JOIN reservation_lines rl USING (reservation_id)
            LEFT JOIN stock_holds h ON h.reservation_id = r.reservation_id AND h.sku = rl.sku AND h.location_id = r.location_id
            WHERE r.status = 'held' AND (h.quantity IS NULL OR h.quantity <> rl.quantity)
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Checks, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var violations = new List<string>();
        while (await reader.ReadAsync())
        {
            violations.Add(reader.GetString(0));
        }

        return violations;
    }
}
