using System.Collections.Immutable;
using System.Text.Json;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Stock grain state in <c>stock_levels</c>, <c>stock_lots</c>, <c>stock_holds</c> and the
/// <c>stock_movements</c> ledger. The writes of many grains go in a handful of set-based statements
/// (unnest over arrays), whatever the number of grains: one round trip for the whole batch.
/// </summary>
internal sealed class StockStorage(NpgsqlDataSource dataSource, PosPushes pushes) : IGrainStorage<StockState>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    // The keys of a read, numbered from 1; each statement reaches one table by one index probe per key
    // (GenericPlans), so that a read of any number of grains is one round trip.
    private const string Keys = "unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(sku, location_id, i)";

    internal const string ReadLevelsSql =
        $"""
        SELECT k.i, p.known IS NOT NULL, l.known IS NOT NULL, s.on_hand, s.held, s.safety_stock, s.last_seq, s.version, s.updated_at,
               s.unlotted, s.unlotted_received_seq, s.unlotted_received_at
        FROM {Keys}
        LEFT JOIN LATERAL (SELECT true AS known FROM products p WHERE p.sku = k.sku OFFSET 0) p ON true
        LEFT JOIN LATERAL (SELECT true AS known FROM locations l WHERE l.location_id = k.location_id OFFSET 0) l ON true
        LEFT JOIN LATERAL (SELECT * FROM stock_levels s WHERE s.location_id = k.location_id AND s.sku = k.sku OFFSET 0) s ON true
        """;

    internal const string ReadLotsSql =
        $"""
        SELECT k.i, l.lot, l.best_before, l.quantity, l.received_seq, l.received_at
        FROM {Keys} CROSS JOIN LATERAL (SELECT * FROM stock_lots l WHERE l.location_id = k.location_id AND l.sku = k.sku OFFSET 0) l
        """;

    internal const string ReadHoldsSql =
        $"""
        SELECT k.i, h.reservation_id, h.quantity, h.expires_at, h.held_seq
        FROM {Keys} CROSS JOIN LATERAL (SELECT * FROM stock_holds h WHERE h.location_id = k.location_id AND h.sku = k.sku OFFSET 0) h
        """;

    // Built once: every write transaction of stock runs it.
    private static readonly string InsertLedgerSql = PosPushes.QueuedWithLedgerInsert(
        $"""
        INSERT INTO stock_movements ({StockLedgerColumns.Insert})
        SELECT * FROM unnest({StockLedgerColumns.Parameters})
        """);

    // Deleted by the address of the row each key finds. Only the key's grain writes these rows; another
    // node writing them meanwhile fails the same transaction's level version check.
    internal const string DeleteLotsSql =
        """
        DELETE FROM stock_lots l
        USING unnest($1::text[], $2::text[], $3::text[]) AS r(location_id, sku, lot)
        CROSS JOIN LATERAL (SELECT x.ctid AS row_id FROM stock_lots x WHERE x.location_id = r.location_id AND x.sku = r.sku AND x.lot = r.lot OFFSET 0) x
        WHERE l.ctid = x.row_id
        """;

    internal const string DeleteHoldsSql =
        """
        DELETE FROM stock_holds h
        USING unnest($1::text[], $2::text[], $3::text[]) AS r(location_id, sku, reservation_id)
        CROSS JOIN LATERAL (SELECT x.ctid AS row_id FROM stock_holds x WHERE x.location_id = r.location_id AND x.sku = r.sku AND x.reservation_id = r.reservation_id OFFSET 0) x
        WHERE h.ctid = x.row_id
        """;

    public async Task<IReadOnlyList<StockState>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var skus = new string[keys.Count];
        var locations = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            (skus[i], locations[i]) = StockKey.Parse(keys[i]);
        }

        var states = new StockState[keys.Count];
        await GenericPlans.ReadAsync(
            dataSource,
            [KeyedRead(ReadLevelsSql, skus, locations), KeyedRead(ReadLotsSql, skus, locations), KeyedRead(ReadHoldsSql, skus, locations)],
            async (reader, cancellation) =>
            {
                await ReadLevelsAsync(reader, states, skus, locations, cancellation);
                await reader.NextResultAsync(cancellation);
                await ReadLotsAsync(reader, states, cancellation);
                await reader.NextResultAsync(cancellation);
                await ReadHoldsAsync(reader, states, cancellation);
            },
            cancellationToken);
        return states;
    }

    private static async Task ReadLevelsAsync(NpgsqlDataReader reader, StockState[] states, string[] skus, string[] locations, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            var i = (int)reader.GetInt64(0) - 1;
            var catalog = !reader.GetBoolean(1) ? StockCatalogStatus.UnknownSku
                : !reader.GetBoolean(2) ? StockCatalogStatus.UnknownLocation
                : StockCatalogStatus.Known;
            states[i] = reader.IsDBNull(3)
                ? new StockState { Sku = skus[i], LocationId = locations[i], Catalog = catalog }
                : new StockState
                {
                    Sku = skus[i],
                    LocationId = locations[i],
                    Catalog = catalog,
                    OnHand = reader.GetInt32(3),
                    Held = reader.GetInt32(4),
                    SafetyStock = reader.GetInt32(5),
                    LastSeq = reader.GetInt64(6),
                    Version = reader.GetInt64(7),
                    UpdatedAt = reader.GetFieldValue<DateTimeOffset>(8),
                };
            if (!reader.IsDBNull(3) && reader.GetInt32(9) > 0)
            {
                var unlotted = new StockLot(StockLot.UnlottedKey, null, reader.GetInt32(9), reader.GetInt64(10), reader.GetFieldValue<DateTimeOffset>(11));
                states[i] = states[i] with { Lots = states[i].Lots.Add(unlotted.Key, unlotted) };
            }
        }
    }

    private static async Task ReadLotsAsync(NpgsqlDataReader reader, StockState[] states, CancellationToken cancellationToken)
    {
        var lots = await ReadPerGrainAsync(
            reader,
            row => new StockLot(
                row.GetString(1),
                row.IsDBNull(2) ? null : row.GetFieldValue<DateOnly>(2),
                row.GetInt32(3),
                row.GetInt64(4),
                row.GetFieldValue<DateTimeOffset>(5)),
            lot => lot.Key,
            cancellationToken);
        foreach (var (i, grainLots) in lots)
        {
            states[i] = states[i] with { Lots = states[i].Lots.SetItems(grainLots) };
        }
    }

    private static async Task ReadHoldsAsync(NpgsqlDataReader reader, StockState[] states, CancellationToken cancellationToken)
    {
        var holds = await ReadPerGrainAsync(
            reader,
            row => new StockHold(row.GetString(1), row.GetInt32(2), row.GetFieldValue<DateTimeOffset>(3), row.GetInt64(4)),
            hold => hold.ReservationId,
            cancellationToken);
        foreach (var (i, grainHolds) in holds)
        {
            states[i] = states[i] with { Holds = grainHolds };
        }
    }

    /// <summary>Rows whose first column is a grain's number in the read (from 1), gathered per grain (from 0), by key.</summary>
    private static async Task<Dictionary<int, ImmutableDictionary<string, TValue>>> ReadPerGrainAsync<TValue>(
        NpgsqlDataReader reader,
        Func<NpgsqlDataReader, TValue> read,
        Func<TValue, string> keyOf,
        CancellationToken cancellationToken)
    {
        var perGrain = new Dictionary<int, ImmutableDictionary<string, TValue>.Builder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var i = (int)reader.GetInt64(0) - 1;
            var value = read(reader);
            if (!perGrain.TryGetValue(i, out var values))
            {
                perGrain[i] = values = ImmutableDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
            }

            values[keyOf(value)] = value;
        }

        return perGrain.ToDictionary(grain => grain.Key, grain => grain.Value.ToImmutable());
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
        var unlotted = new int[writes.Count];
        var unlottedReceivedSeq = new long[writes.Count];
        var unlottedReceivedAt = new DateTimeOffset?[writes.Count];
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
            if (next.Lots.GetValueOrDefault(StockLot.UnlottedKey) is { } units)
            {
                (unlotted[i], unlottedReceivedSeq[i], unlottedReceivedAt[i]) = (units.Quantity, units.ReceivedSeq, units.ReceivedAt);
            }
        }

        // A first write inserts; any other updates only the version it read. A row whose version moved
        // on (another node) is not written, and that write is stale. The units without lot number or
        // best-before live in the level row (migration 0006), not in stock_lots.
        var command = batch.Add(
            """
            INSERT INTO stock_levels AS s
                (location_id, sku, on_hand, held, safety_stock, last_seq, version, updated_at, unlotted, unlotted_received_seq, unlotted_received_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::bigint[], $7::bigint[], $8::timestamptz[],
                                 $9::int[], $10::bigint[], $11::timestamptz[])
            ON CONFLICT (location_id, sku) DO UPDATE
            SET on_hand = excluded.on_hand, held = excluded.held, safety_stock = excluded.safety_stock,
                last_seq = excluded.last_seq, version = excluded.version, updated_at = excluded.updated_at,
                unlotted = excluded.unlotted, unlotted_received_seq = excluded.unlotted_received_seq,
                unlotted_received_at = excluded.unlotted_received_at
            WHERE s.version = excluded.version - 1
            """,
            writes.Count,
            allAffected: () =>
            {
                foreach (var write in writes)
                {
                    write.Confirm();
                }
            },
            someMissed: async (connection, transaction, cancellationToken) =>
            {
                // The rows this transaction wrote are the writes that went through.
                await using var written = new NpgsqlCommand(
                    """
                    SELECT w.location_id, w.sku FROM unnest($1::text[], $2::text[]) AS w(location_id, sku)
                    CROSS JOIN LATERAL (SELECT s.xmin FROM stock_levels s WHERE s.location_id = w.location_id AND s.sku = w.sku OFFSET 0) s
                    WHERE s.xmin = pg_current_xact_id()::xid
                    """,
                    connection,
                    transaction);
                written.Parameters.AddTyped(locations).AddTyped(skus);
                await using var reader = await written.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    byKey[(reader.GetString(0), reader.GetString(1))].Confirm();
                }
            });
        command.Parameters.AddTyped(locations).AddTyped(skus).AddTyped(onHand).AddTyped(held)
            .AddTyped(safety).AddTyped(lastSeq).AddTyped(versions).AddTyped(updatedAt)
            .AddTyped(unlotted).AddTyped(unlottedReceivedSeq).AddTyped(unlottedReceivedAt);
    }

    /// <summary>The lots in <c>stock_lots</c>: all but the unlotted units, which the level row holds.</summary>
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
                if (key == StockLot.UnlottedKey)
                {
                    continue;
                }

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
                if (key != StockLot.UnlottedKey && !next.ContainsKey(key))
                {
                    removed.Add(write.Next, key);
                }
            }
        }

        if (removed.Count > 0)
        {
            removed.AddTo(batch.Add(DeleteLotsSql));
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
            foreach (var reservationId in write.Next.UnsavedHolds)
            {
                var (wasHeld, isHeld) = (previous.ContainsKey(reservationId), next.TryGetValue(reservationId, out var hold));
                if (isHeld && !wasHeld)
                {
                    added.Add(write.Next, reservationId);
                    quantity.Add(hold!.Quantity);
                    expiresAt.Add(hold.ExpiresAt);
                    heldSeq.Add(hold.HeldSeq);
                }
                else if (wasHeld && !isHeld)
                {
                    removed.Add(write.Next, reservationId);
                }
            }
        }

        if (removed.Count > 0)
        {
            removed.AddTo(batch.Add(DeleteHoldsSql));
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

    private void AppendLedger(WriteBatch batch, IReadOnlyList<GrainWrite<StockState>> writes, Dictionary<(string, string), GrainWrite<StockState>> byKey)
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

        // A movement id already in the ledger fails the insert; then the grain learns the recorded
        // answer and runs its calls again, answering that one as a repeat.
        var command = batch.AddInsert(
            InsertLedgerSql,
            async (connection, cancellationToken) =>
            {
                await MarkStaleWritesAsync(connection, byKey, cancellationToken);
                var duplicates = await ReadRecordedMovementIdsAsync(connection, rows, cancellationToken);
                foreach (var write in byKey.Values)
                {
                    var repeated = write.Next.Unsaved
                        .Where(entry => duplicates.Contains((write.Next.LocationId, write.Next.Sku, entry.MovementId)))
                        .Select(entry => entry.MovementId)
                        .ToList();
                    if (repeated.Count > 0 && write.Check != WriteCheck.Stale)
                    {
                        write.Reject(new DuplicateMovements(repeated));
                    }
                }
            });
        rows.AddTo(command);
        batch.AfterCommit(() =>
        {
            if (command.RecordsAffected > 0)
            {
                pushes.Queued.Wake();
            }
        });
    }

    /// <summary>Marks the writes whose level is no longer at the version they expected (another node wrote it).</summary>
    private static async Task MarkStaleWritesAsync(
        NpgsqlConnection connection,
        Dictionary<(string, string), GrainWrite<StockState>> byKey,
        CancellationToken cancellationToken)
    {
        await using var stale = new NpgsqlCommand(
            """
            SELECT w.location_id, w.sku FROM unnest($1::text[], $2::text[], $3::bigint[]) AS w(location_id, sku, expected)
            LEFT JOIN LATERAL (SELECT s.version FROM stock_levels s WHERE s.location_id = w.location_id AND s.sku = w.sku OFFSET 0) s ON true
            WHERE coalesce(s.version, 0) <> w.expected
            """,
            connection);
        stale.Parameters
            .AddTyped(byKey.Keys.Select(key => key.Item1).ToArray())
            .AddTyped(byKey.Keys.Select(key => key.Item2).ToArray())
            .AddTyped(byKey.Values.Select(write => write.ExpectedVersion).ToArray());
        await using var reader = await stale.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byKey[(reader.GetString(0), reader.GetString(1))].MarkStale();
        }
    }

    /// <summary>Which of these rows' movement ids the ledger already holds.</summary>
    private static async Task<HashSet<(string, string, string)>> ReadRecordedMovementIdsAsync(
        NpgsqlConnection connection,
        StockLedgerColumns rows,
        CancellationToken cancellationToken)
    {
        await using var existing = new NpgsqlCommand(
            """
            SELECT w.location_id, w.sku, w.movement_id FROM unnest($1::text[], $2::text[], $3::text[]) AS w(location_id, sku, movement_id)
            WHERE EXISTS (SELECT FROM stock_movements m WHERE m.location_id = w.location_id AND m.sku = w.sku AND m.movement_id = w.movement_id)
            """,
            connection);
        rows.AddMovementKeysTo(existing);
        var recorded = new HashSet<(string, string, string)>();
        await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return recorded;
    }

    private static NpgsqlBatchCommand KeyedRead(string sql, string[] skus, string[] locations)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddTyped(skus).AddTyped(locations);
        return command;
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

    internal static string ToJson(ImmutableArray<LotQuantity> lots) => lots.IsDefaultOrEmpty ? "[]" : JsonSerializer.Serialize(lots, Json);

    internal static ImmutableArray<LotQuantity> FromJson(string json) =>
        JsonSerializer.Deserialize<ImmutableArray<LotQuantity>>(json, Json);
}
