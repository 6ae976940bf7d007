using System.Collections.Immutable;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Reservations;

/// <summary>Reservation grain state in <c>reservations</c> and <c>reservation_lines</c> (lines never change once created).</summary>
internal sealed class ReservationStorage(NpgsqlDataSource dataSource) : IGrainStorage<ReservationState>
{
    public async Task<IReadOnlyList<ReservationState>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var ids = keys.ToArray();
        var states = ids.Select(id => new ReservationState { ReservationId = id }).ToArray();
        var rows = new NpgsqlBatchCommand(
            """
            SELECT k.i, r.status, r.location_id, r.channel, r.customer_id, r.expires_at, r.created_at, r.status_changed_at, r.request_hash, r.version
            FROM unnest($1::text[]) WITH ORDINALITY AS k(reservation_id, i)
            CROSS JOIN LATERAL (SELECT * FROM reservations r WHERE r.reservation_id = k.reservation_id OFFSET 0) r
            """);
        rows.Parameters.AddTyped(ids);
        var lines = new NpgsqlBatchCommand(
            """
            SELECT k.i, l.sku, l.quantity
            FROM unnest($1::text[]) WITH ORDINALITY AS k(reservation_id, i)
            CROSS JOIN LATERAL (SELECT * FROM reservation_lines l WHERE l.reservation_id = k.reservation_id OFFSET 0) l
            ORDER BY k.i, l.line_no
            """);
        lines.Parameters.AddTyped(ids);

        // One index probe per key (GenericPlans).
        await GenericPlans.ReadAsync(dataSource, [rows, lines], (reader, cancellation) => ReadRowsAsync(reader, states, cancellation), cancellationToken);
        return states;
    }

    private static async Task ReadRowsAsync(NpgsqlDataReader reader, ReservationState[] states, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            var i = (int)reader.GetInt64(0) - 1;
            states[i] = states[i] with
            {
                Status = ReservationWireNames.StatusFromWire(reader.GetString(1)),
                LocationId = reader.GetString(2),
                Channel = ReservationWireNames.ChannelFromWire(reader.GetString(3)),
                CustomerId = reader.IsDBNull(4) ? null : reader.GetString(4),
                ExpiresAt = reader.GetFieldValue<DateTimeOffset>(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                StatusChangedAt = reader.GetFieldValue<DateTimeOffset>(7),
                RequestHash = [.. reader.GetFieldValue<byte[]>(8)],
                Version = reader.GetInt64(9),
            };
        }

        await reader.NextResultAsync(cancellationToken);
        var readLines = new Dictionary<int, ImmutableArray<ReservationLine>.Builder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var i = (int)reader.GetInt64(0) - 1;
            if (!readLines.TryGetValue(i, out var builder))
            {
                readLines[i] = builder = ImmutableArray.CreateBuilder<ReservationLine>();
            }

            builder.Add(new ReservationLine(reader.GetString(1), reader.GetInt32(2)));
        }

        foreach (var (i, builder) in readLines)
        {
            states[i] = states[i] with { Lines = builder.ToImmutable() };
        }
    }

    public void AppendWrites(WriteBatch batch, IReadOnlyList<GrainWrite<ReservationState>> writes)
    {
        var byId = writes.ToDictionary(write => write.Next.ReservationId, StringComparer.Ordinal);
        var command = batch.Add(
            """
            INSERT INTO reservations AS r
                (reservation_id, location_id, channel, customer_id, status, expires_at, created_at, status_changed_at, request_hash, version)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                                 $8::timestamptz[], $9::bytea[], $10::bigint[])
            ON CONFLICT (reservation_id) DO UPDATE
            SET status = excluded.status, expires_at = excluded.expires_at, status_changed_at = excluded.status_changed_at,
                version = excluded.version
            WHERE r.version = excluded.version - 1
            RETURNING r.reservation_id
            """,
            async (reader, cancellationToken) =>
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    byId[reader.GetString(0)].Confirm();
                }
            });
        command.Parameters
            .AddTyped(writes.Select(w => w.Next.ReservationId).ToArray())
            .AddTyped(writes.Select(w => w.Next.LocationId).ToArray())
            .AddTyped(writes.Select(w => w.Next.Channel.ToWire()).ToArray())
            .AddTyped(writes.Select(w => w.Next.CustomerId).ToArray())
            .AddTyped(writes.Select(w => w.Next.Status.ToWire()).ToArray())
            .AddTyped(writes.Select(w => w.Next.ExpiresAt).ToArray())
            .AddTyped(writes.Select(w => w.Next.CreatedAt).ToArray())
            .AddTyped(writes.Select(w => w.Next.StatusChangedAt).ToArray())
            .AddTyped(writes.Select(w => w.Next.RequestHash.ToArray()).ToArray())
            .AddTyped(writes.Select(w => w.NewVersion).ToArray());

        var created = writes.Where(write => write.Previous.Status == ReservationStatus.None).ToList();
        if (created.Count == 0)
        {
            return;
        }

        var lines = batch.Add(
            """
            INSERT INTO reservation_lines (reservation_id, line_no, sku, quantity)
            SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[])
            ON CONFLICT DO NOTHING
            """);
        lines.Parameters
            .AddTyped(created.SelectMany(w => w.Next.Lines.Select(_ => w.Next.ReservationId)).ToArray())
            .AddTyped(created.SelectMany(w => Enumerable.Range(1, w.Next.Lines.Length)).ToArray())
            .AddTyped(created.SelectMany(w => w.Next.Lines.Select(line => line.Sku)).ToArray())
            .AddTyped(created.SelectMany(w => w.Next.Lines.Select(line => line.Quantity)).ToArray());
    }
}
