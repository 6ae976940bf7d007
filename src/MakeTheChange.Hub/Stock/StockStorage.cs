using System.Collections.Immutable;
using System.Text.Json;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Stock grain state in <c>stock_levels</c>, <c>stock_lots</c>, <c>stock_holds</c> and the
/// <c>stock_movements</c> ledger. The writes of many grains go in a handful of set-based statements
/// (unnest over arrays), whatever the number of grains: one round trip for the whole batch.
/// </summary>
internal sealed class StockStorage(NpgsqlDataSource dataSource) : IGrainStorage<StockState>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task<StockState> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var (sku, locationId) = StockKey.Parse(key);
        await using var batch = dataSource.CreateBatch();
        AddCommand(batch, "SELECT EXISTS (SELECT 1 FROM products WHERE sku = $1), EXISTS (SELECT 1 FROM locations WHERE location_id = $2)", sku, locationId);
        AddCommand(batch, "SELECT on_hand, held, safety_stock, last_seq, version, updated_at FROM stock_levels WHERE sku = $1 AND location_id = $2", sku, locationId);
        AddCommand(batch, "SELECT lot, best_before, quantity, received_seq, received_at FROM stock_lots WHERE sku = $1 AND location_id = $2", sku, locationId);
        AddCommand(batch, "SELECT reservation_id, quantity, expires_at, held_seq FROM stock_holds WHERE sku = $1 AND location_id = $2", sku, locationId);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var catalog = !reader.GetBoolean(0) ? StockCatalogStatus.UnknownSku
            : !reader.GetBoolean(1) ? StockCatalogStatus.UnknownLocation
            : StockCatalogStatus.Known;
        var state = new StockState { Sku = sku, LocationId = locationId, Catalog = catalog };

        await reader.NextResultAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            state = state with
            {
                OnHand = reader.GetInt32(0),
                Held = reader.GetInt32(1),
                SafetyStock = reader.GetInt32(2),
                LastSeq = reader.GetInt64(3),
                Version = reader.GetInt64(4),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(5),
            };
        }

        await reader.NextResultAsync(cancellationToken);
        var lots = state.Lots.ToBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            var lot = new StockLot(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1),
                reader.GetInt32(2),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4));
            lots[lot.Key] = lot;
        }

        await reader.NextResultAsync(cancellationToken);
        var holds = state.Holds.ToBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            var hold = new StockHold(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt64(3));
            holds[hold.ReservationId] = hold;
        }

        return state with { Lots = lots.ToImmutable(), Holds = holds.ToImmutable() };
    }

    /// <summary>The ledger entries of these movement ids (those that exist).</summary>
    public async Task<List<StockLedgerEntry>> ReadMovementsAsync(
        string sku,
        string locationId,
        IReadOnlyList<string> movementIds,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {StockLedgerColumns.Select} FROM stock_movements WHERE sku = $1 AND location_id = $2 AND movement_id = ANY($3)");
        command.Parameters.AddTyped(sku).AddTyped(locationId).AddTyped(movementIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<StockLedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(StockLedgerColumns.Read(reader));
        }

        return entries;
    }

    public void AppendWrites(WriteBatch batch, IReadOnlyList<GrainWrite<StockState>> writes)
    {
        var byKey = new Dictionary<(string, string), GrainWrite<StockState>>(writes.Count);
        foreach (var write in writes)
        {
            byKey[(write.Next.LocationId, write.Next.Sku)] = write;
        }

        AppendLevels(batch, writes, byKey);
        AppendLots(batch, writes);
        AppendHolds(batch, writes);
        AppendLedger(batch, writes, byKey);
    }

    private static void AppendLevels(WriteBatch batch, IReadOnlyList<GrainWrite<StockState>> writes, Dictionary<(string, string), GrainWrite<StockState>> byKey)
    {
        var locations = new string[writes.Count];
        var skus = new string[writes.Count];
        var onHand = new int[writes.Count];
        var held = new int[writes.Count];
        var safety = new int[writes.Count];
        var lastSeq = new long[writes.Count];
        var versions = new long[writes.Count];
        var updatedAt = new DateTimeOffset[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var next = writes[i].Next;
            locations[i] = next.LocationId;
            skus[i] = next.Sku;
            onHand[i] = next.OnHand;
            held[i] = next.Held;
            safety[i] = next.SafetyStock;
            lastSeq[i] = next.LastSeq;
            versions[i] = writes[i].NewVersion;
            updatedAt[i] = next.UpdatedAt;
        }

        // A first write inserts; any other updates only the version it read. A row whose version moved
        // on (another node) is not returned, and that write is stale.
        var command = batch.Add(
            """
            INSERT INTO stock_levels AS s (location_id, sku, on_hand, held, safety_stock, last_seq, version, updated_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::bigint[], $7::bigint[], $8::timestamptz[])
            ON CONFLICT (location_id, sku) DO UPDATE
            SET on_hand = excluded.on_hand, held = excluded.held, safety_stock = excluded.safety_stock,
                last_seq = excluded.last_seq, version = excluded.version, updated_at = excluded.updated_at
            WHERE s.version = excluded.version - 1
            RETURNING s.location_id, s.sku
            """,
            async (reader, cancellationToken) =>
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    byKey[(reader.GetString(0), reader.GetString(1))].Confirm();
                }
            });
        command.Parameters.AddTyped(locations).AddTyped(skus).AddTyped(onHand).AddTyped(held)
            .AddTyped(safety).AddTyped(lastSeq).AddTyped(versions).AddTyped(updatedAt);
    }

    private static void AppendLots(WriteBatch batch, IReadOnlyList<GrainWrite<StockState>> writes)
    {
        var removed = new KeyColumns();
        var changed = new KeyColumns();
        var bestBefore = new List<DateOnly?>();
        var quantity = new List<int>();
        var receivedSeq = new List<long>();
        var receivedAt = new List<DateTimeOffset>();
        foreach (var write in writes)
        {
            var (previous, next) = (write.Previous.Lots, write.Next.Lots);
            if (ReferenceEquals(previous, next))
            {
                continue;
            }

            foreach (var (key, lot) in next)
            {
                if (!previous.TryGetValue(key, out var before) || before != lot)
                {
                    changed.Add(write.Next, key);
                    bestBefore.Add(lot.BestBefore);
                    quantity.Add(lot.Quantity);
                    receivedSeq.Add(lot.ReceivedSeq);
                    receivedAt.Add(lot.ReceivedAt);
                }
            }

            foreach (var key in previous.Keys)
            {
                if (!next.ContainsKey(key))
                {
                    removed.Add(write.Next, key);
                }
            }
        }

        if (removed.Count > 0)
        {
            removed.AddTo(batch.Add(
                """
                DELETE FROM stock_lots l USING unnest($1::text[], $2::text[], $3::text[]) AS r(location_id, sku, lot)
                WHERE l.location_id = r.location_id AND l.sku = r.sku AND l.lot = r.lot
                """));
        }

        if (changed.Count > 0)
        {
            var command = batch.Add(
                """
                INSERT INTO stock_lots (location_id, sku, lot, best_before, quantity, received_seq, received_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::int[], $6::bigint[], $7::timestamptz[])
                ON CONFLICT (location_id, sku, lot) DO UPDATE SET best_before = excluded.best_before, quantity = excluded.quantity
                """);
            changed.AddTo(command);
            command.Parameters.AddTyped(bestBefore).AddTyped(quantity).AddTyped(receivedSeq).AddTyped(receivedAt);
        }
    }

    private static void AppendHolds(WriteBatch batch, IReadOnlyList<GrainWrite<StockState>> writes)
    {
        var removed = new KeyColumns();
        var added = new KeyColumns();
        var quantity = new List<int>();
        var expiresAt = new List<DateTimeOffset>();
        var heldSeq = new List<long>();
        foreach (var write in writes)
        {
            var (previous, next) = (write.Previous.Holds, write.Next.Holds);
            if (ReferenceEquals(previous, next))
            {
                continue;
            }

            foreach (var (reservationId, hold) in next)
            {
                if (!previous.ContainsKey(reservationId))
                {
                    added.Add(write.Next, reservationId);
                    quantity.Add(hold.Quantity);
                    expiresAt.Add(hold.ExpiresAt);
                    heldSeq.Add(hold.HeldSeq);
                }
            }

            foreach (var reservationId in previous.Keys)
            {
                if (!next.ContainsKey(reservationId))
                {
                    removed.Add(write.Next, reservationId);
                }
            }
        }

        if (removed.Count > 0)
        {
            removed.AddTo(batch.Add(
                """
                DELETE FROM stock_holds h USING unnest($1::text[], $2::text[], $3::text[]) AS r(location_id, sku, reservation_id)
                WHERE h.location_id = r.location_id AND h.sku = r.sku AND h.reservation_id = r.reservation_id
                """));
        }

        if (added.Count > 0)
        {
            var command = batch.Add(
                """
                INSERT INTO stock_holds (location_id, sku, reservation_id, quantity, expires_at, held_seq)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::bigint[])
                ON CONFLICT DO NOTHING
                """);
            added.AddTo(command);
            command.Parameters.AddTyped(quantity).AddTyped(expiresAt).AddTyped(heldSeq);
        }
    }

    private static void AppendLedger(WriteBatch batch, IReadOnlyList<GrainWrite<StockState>> writes, Dictionary<(string, string), GrainWrite<StockState>> byKey)
    {
        var rows = new StockLedgerColumns();
        foreach (var write in writes)
        {
            foreach (var entry in write.Next.Unsaved)
            {
                rows.Add(write.Next.LocationId, write.Next.Sku, entry);
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        // A movement id already in the ledger is not inserted (and not returned): the grain then learns
        // the recorded answer and runs its calls again, answering that one as a repeat.
        var command = batch.Add(
            $"""
            INSERT INTO stock_movements ({StockLedgerColumns.Insert})
            SELECT * FROM unnest({StockLedgerColumns.Parameters})
            ON CONFLICT DO NOTHING
            RETURNING location_id, sku, movement_id
            """,
            async (reader, cancellationToken) =>
            {
                var inserted = new HashSet<(string, string, string)>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    inserted.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }

                foreach (var write in byKey.Values)
                {
                    var duplicates = write.Next.Unsaved
                        .Where(entry => !inserted.Contains((write.Next.LocationId, write.Next.Sku, entry.MovementId)))
                        .Select(entry => entry.MovementId)
                        .ToList();
                    if (duplicates.Count > 0 && write.Check == WriteCheck.Confirmed)
                    {
                        write.Reject(new DuplicateMovements(duplicates));
                    }
                }
            });
        rows.AddTo(command);
    }

    private static void AddCommand(NpgsqlBatch batch, string sql, string sku, string locationId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddTyped(sku).AddTyped(locationId);
        batch.BatchCommands.Add(command);
    }

    /// <summary>Location, SKU and a third key column of rows to delete or insert.</summary>
    private sealed class KeyColumns
    {
        private readonly List<string> _locations = [];
        private readonly List<string> _skus = [];
        private readonly List<string> _keys = [];

        public int Count => _keys.Count;

        public void Add(StockState state, string key)
        {
            _locations.Add(state.LocationId);
            _skus.Add(state.Sku);
            _keys.Add(key);
        }

        public void AddTo(NpgsqlBatchCommand command) =>
            command.Parameters.AddTyped(_locations).AddTyped(_skus).AddTyped(_keys);
    }

    internal static string ToJson(ImmutableArray<LotQuantity> lots) => JsonSerializer.Serialize(lots, Json);

    internal static ImmutableArray<LotQuantity> FromJson(string json) =>
        JsonSerializer.Deserialize<ImmutableArray<LotQuantity>>(json, Json);
}
