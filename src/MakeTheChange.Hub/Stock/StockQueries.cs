using System.Globalization;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Stock;

/// <summary>Reads of committed stock straight from the tables: a SKU across locations, and ledger pages.</summary>
internal sealed class StockQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The SKU at every location with a level row; null when the SKU does not exist.</summary>
    public async Task<SkuStockResponse?> GetSkuAsync(string sku, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var exists = new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM products WHERE sku = $1)");
        exists.Parameters.AddTyped(sku);
        var levels = new NpgsqlBatchCommand(
            "SELECT location_id, on_hand, held, safety_stock, last_seq FROM stock_levels WHERE sku = $1 ORDER BY location_id");
        levels.Parameters.AddTyped(sku);
        var lots = new NpgsqlBatchCommand(
            """
            SELECT location_id, lot, best_before, quantity, received_seq FROM stock_lots WHERE sku = $1
            UNION ALL
            SELECT location_id, '@', NULL, unlotted, unlotted_received_seq FROM stock_levels WHERE sku = $1 AND unlotted > 0
            ORDER BY location_id, best_before NULLS LAST, received_seq
            """);
        lots.Parameters.AddTyped(sku);
        batch.BatchCommands.Add(exists);
        batch.BatchCommands.Add(levels);
        batch.BatchCommands.Add(lots);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken);
        var rows = new List<(string Location, int OnHand, int Held, int Safety, long Version)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4)));
        }

        await reader.NextResultAsync(cancellationToken);
        var lotsByLocation = new Dictionary<string, List<LotResponse>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(1);
            var lot = new LotResponse(
                StockLot.IsLotless(key) ? null : key,
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetInt32(3));
            if (!lotsByLocation.TryGetValue(reader.GetString(0), out var list))
            {
                lotsByLocation[reader.GetString(0)] = list = [];
            }

            list.Add(lot);
        }

        var locations = rows.Select(row => new StockLevelResponse(
            sku,
            row.Location,
            row.OnHand,
            row.Held,
            row.Safety,
            Math.Max(0, row.OnHand - row.Held - row.Safety),
            lotsByLocation.GetValueOrDefault(row.Location) ?? [],
            row.Version)).ToList();
        return new SkuStockResponse(
            sku,
            locations.Sum(level => level.OnHand),
            locations.Sum(level => level.Held),
            locations.Sum(level => level.Available),
            locations);
    }

    /// <summary>Ledger entries after <paramref name="afterSeq"/>, oldest first; null when the SKU or location does not exist.</summary>
    public async Task<MovementPage?> GetLedgerAsync(string sku, string locationId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var exists = new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM products WHERE sku = $1) AND EXISTS (SELECT 1 FROM locations WHERE location_id = $2)");
        exists.Parameters.AddTyped(sku).AddTyped(locationId);
        var entries = new NpgsqlBatchCommand(
            $"SELECT {StockLedgerColumns.Select} FROM stock_movements WHERE location_id = $1 AND sku = $2 AND seq > $3 ORDER BY seq LIMIT $4");
        entries.Parameters.AddTyped(locationId).AddTyped(sku).AddTyped(afterSeq).AddTyped(limit);
        batch.BatchCommands.Add(exists);
        batch.BatchCommands.Add(entries);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken);
        var items = new List<MovementEntryResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(MovementEntryResponse.Of(StockLedgerColumns.Read(reader)));
        }

        var next = items.Count == limit ? items[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return new MovementPage(items, next);
    }
}
