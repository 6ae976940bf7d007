using MakeTheChange.LoadGenerator.Servers;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>What the hub's own tables say about the POS connections' work: ledger rows, when notices were stored, levels.</summary>
internal static class HubLedger
{
    /// <summary>How many ledger rows the connections with these <c>source</c>s wrote.</summary>
    public static async Task<long> CountAsync(ServerUnderTest hub, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        await using var command = hub.Database.CreateCommand("SELECT count(*) FROM stock_movements WHERE source = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sources] });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The ledger rows of those connections, by their <c>reference</c> (the POS's order or sale id).</summary>
    public static async Task<Dictionary<string, List<Movement>>> MovementsAsync(ServerUnderTest hub, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        await using var command = hub.Database.CreateCommand(
            "SELECT coalesce(reference, ''), movement_id, location_id, sku, on_hand_delta, recorded_at FROM stock_movements WHERE source = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sources] });
        var movements = new Dictionary<string, List<Movement>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var reference = reader.GetString(0);
            if (!movements.TryGetValue(reference, out var rows))
            {
                movements[reference] = rows = [];
            }

            rows.Add(new Movement(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return movements;
    }

    /// <summary>
    /// When the hub stored the first notice of each sale (Square's payment.created names its order, Lightspeed's
    /// sale.update its sale), by order or sale id.
    /// </summary>
    public static async Task<Dictionary<string, DateTimeOffset>> FirstNoticesAsync(ServerUnderTest hub, CancellationToken cancellationToken)
    {
        await using var command = hub.Database.CreateCommand(
            """
            SELECT CASE event_type WHEN 'payment.created' THEN payload::jsonb #>> '{data,object,payment,order_id}' ELSE payload::jsonb ->> 'id' END AS sale,
                   min(received_at)
            FROM pos_inbound_events WHERE event_type IN ('payment.created', 'sale.update')
            GROUP BY 1
            """);
        var notices = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
            {
                notices[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }

        return notices;
    }

    /// <summary>On hand of every key the connections with these <c>source</c>s moved, and how many of those keys differ from their ledger replayed.</summary>
    public static async Task<(Dictionary<(string LocationId, string Sku), int> OnHand, long Mismatched)> LevelsAsync(
        ServerUnderTest hub,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        await using var command = hub.Database.CreateCommand(
            """
            WITH touched AS (SELECT DISTINCT location_id, sku FROM stock_movements WHERE source = ANY($1)),
                 replayed AS (SELECT location_id, sku, sum(on_hand_delta) AS on_hand, sum(held_delta) AS held
                              FROM stock_movements JOIN touched USING (location_id, sku) GROUP BY 1, 2)
            SELECT l.location_id, l.sku, l.on_hand, l.on_hand <> coalesce(r.on_hand, 0) OR l.held <> coalesce(r.held, 0)
            FROM stock_levels l JOIN touched USING (location_id, sku) LEFT JOIN replayed r USING (location_id, sku)
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sources] });
        var onHand = new Dictionary<(string, string), int>();
        long mismatched = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onHand[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
            if (reader.GetBoolean(3))
            {
                mismatched++;
            }
        }

        return (onHand, mismatched);
    }

    /// <summary>
    /// How the hub's inbox lanes (one per connection) kept up: the longest one spent on an event (from when it
    /// could start it, received and the connection's event before done, to done: every event of that
    /// connection behind it waited that long), and the most events finished in any one second.
    /// </summary>
    public static async Task<(TimeSpan LongestEvent, long BestSecond)> InboxAsync(ServerUnderTest hub, CancellationToken cancellationToken)
    {
        await using var command = hub.Database.CreateCommand(
            """
            WITH done AS (SELECT received_at, processed_at, lag(processed_at) OVER (PARTITION BY connection_id ORDER BY processed_at) AS previous
                          FROM pos_inbound_events WHERE processed_at IS NOT NULL)
            SELECT coalesce(extract(epoch FROM max(processed_at - greatest(previous, received_at))), 0)::float8,
                   coalesce((SELECT max(n) FROM (SELECT count(*) AS n FROM done GROUP BY date_trunc('second', processed_at)) s), 0)
            FROM done
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (TimeSpan.FromSeconds(reader.GetDouble(0)), reader.GetInt64(1));
    }

    /// <summary>Stock changes still waiting in the hub's outbox (a receipt's, before it is dispatched).</summary>
    public static async Task<long> UndispatchedAsync(ServerUnderTest hub, CancellationToken cancellationToken)
    {
        await using var command = hub.Database.CreateCommand("SELECT count(*) FROM outbox WHERE dispatched_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>One ledger row written by a POS connection.</summary>
    internal sealed record Movement(string MovementId, string LocationId, string Sku, int OnHandDelta, DateTimeOffset RecordedAt);
}
