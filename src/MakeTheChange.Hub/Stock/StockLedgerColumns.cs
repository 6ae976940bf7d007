using System.Collections.Immutable;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Stock;

/// <summary>The columns of <c>stock_movements</c>: as arrays for a set-based insert, and read back into entries.</summary>
internal sealed class StockLedgerColumns
{
    public const string Insert =
        "location_id, sku, seq, movement_id, kind, quantity, on_hand_delta, held_delta, on_hand_after, held_after, "
        + "safety_stock_after, lots, lots_after, source, reference, reason, occurred_at, recorded_at, request_hash";

    public const string Parameters =
        "$1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], "
        + "$11::int[], $12::jsonb[], $13::jsonb[], $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::timestamptz[], $19::bytea[]";

    public const string Select =
        "seq, movement_id, kind, quantity, on_hand_delta, held_delta, on_hand_after, held_after, safety_stock_after, "
        + "lots::text, lots_after::text, source, reference, reason, occurred_at, recorded_at, request_hash";

    private readonly List<string> _locations = [];
    private readonly List<string> _skus = [];
    private readonly List<long> _seqs = [];
    private readonly List<string> _movementIds = [];
    private readonly List<string> _kinds = [];
    private readonly List<int> _quantities = [];
    private readonly List<int> _onHandDeltas = [];
    private readonly List<int> _heldDeltas = [];
    private readonly List<int> _onHandAfter = [];
    private readonly List<int> _heldAfter = [];
    private readonly List<int> _safetyStockAfter = [];
    private readonly List<string> _lots = [];
    private readonly List<string> _lotsAfter = [];
    private readonly List<string> _sources = [];
    private readonly List<string?> _references = [];
    private readonly List<string?> _reasons = [];
    private readonly List<DateTimeOffset> _occurredAt = [];
    private readonly List<DateTimeOffset> _recordedAt = [];
    private readonly List<byte[]> _requestHashes = [];

    public int Count => _seqs.Count;

    public static StockLedgerEntry Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        StockMovementKinds.FromWire(reader.GetString(2)),
        reader.GetInt32(3),
        reader.GetInt32(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.GetInt32(8),
        StockStorage.FromJson(reader.GetString(9)),
        StockStorage.FromJson(reader.GetString(10)),
        reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.IsDBNull(13) ? null : reader.GetString(13),
        reader.GetFieldValue<DateTimeOffset>(14),
        reader.GetFieldValue<DateTimeOffset>(15),
        [.. reader.GetFieldValue<byte[]>(16)]);

    public void Add(string locationId, string sku, StockLedgerEntry entry)
    {
        _locations.Add(locationId);
        _skus.Add(sku);
        _seqs.Add(entry.Seq);
        _movementIds.Add(entry.MovementId);
        _kinds.Add(entry.Kind.ToWire());
        _quantities.Add(entry.Quantity);
        _onHandDeltas.Add(entry.OnHandDelta);
        _heldDeltas.Add(entry.HeldDelta);
        _onHandAfter.Add(entry.OnHandAfter);
        _heldAfter.Add(entry.HeldAfter);
        _safetyStockAfter.Add(entry.SafetyStockAfter);
        _lots.Add(StockStorage.ToJson(entry.Lots));
        _lotsAfter.Add(StockStorage.ToJson(entry.LotsAfter));
        _sources.Add(entry.Source);
        _references.Add(entry.Reference);
        _reasons.Add(entry.Reason);
        _occurredAt.Add(entry.OccurredAt);
        _recordedAt.Add(entry.RecordedAt);
        _requestHashes.Add(entry.RequestHash.IsDefault ? [] : [.. entry.RequestHash]);
    }

    /// <summary>Location, SKU and movement id of every row, as three arrays.</summary>
    public void AddMovementKeysTo(NpgsqlCommand command) =>
        command.Parameters.AddTyped(_locations).AddTyped(_skus).AddTyped(_movementIds);

    public void AddTo(NpgsqlBatchCommand command) =>
        command.Parameters
            .AddTyped(_locations).AddTyped(_skus).AddTyped(_seqs).AddTyped(_movementIds).AddTyped(_kinds)
            .AddTyped(_quantities).AddTyped(_onHandDeltas).AddTyped(_heldDeltas).AddTyped(_onHandAfter).AddTyped(_heldAfter)
            .AddTyped(_safetyStockAfter).AddTyped(_lots).AddTyped(_lotsAfter).AddTyped(_sources).AddTyped(_references)
            .AddTyped(_reasons).AddTyped(_occurredAt).AddTyped(_recordedAt).AddTyped(_requestHashes);
}
