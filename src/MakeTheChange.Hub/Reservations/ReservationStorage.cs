using System.Collections.Immutable;
using MakeTheChange.Grains.Persistence;
using MakeTheChange.Hub.Storage;
using Npgsql;

namespace MakeTheChange.Hub.Reservations;

/// <summary>Reservation grain state in <c>reservations</c> and <c>reservation_lines</c> (lines never change once created).</summary>
internal sealed class ReservationStorage(NpgsqlDataSource dataSource) : IGrainStorage<ReservationState>
{
    public async Task<ReservationState> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var row = new NpgsqlBatchCommand(
            """
            SELECT status, location_id, channel, customer_id, expires_at, created_at, status_changed_at, request_hash, version
            FROM reservations WHERE reservation_id = $1
            """);
        row.Parameters.AddTyped(key);
        var lines = new NpgsqlBatchCommand("SELECT sku, quantity FROM reservation_lines WHERE reservation_id = $1 ORDER BY line_no");
        lines.Parameters.AddTyped(key);
        batch.BatchCommands.Add(row);
        batch.BatchCommands.Add(lines);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var state = new ReservationState { ReservationId = key };
        if (await reader.ReadAsync(cancellationToken))
        {
            var channel = ReservationWireNames.ChannelFromWire(reader.GetString(2));
            state = state with
            {
                Status = ReservationWireNames.StatusFromWire(reader.GetString(0)),
                LocationId = reader.GetString(1),
                Channel = channel,
                CustomerId = reader.IsDBNull(3) ? null : reader.GetString(3),
                ExpiresAt = reader.GetFieldValue<DateTimeOffset>(4),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
                StatusChangedAt = reader.GetFieldValue<DateTimeOffset>(6),
                RequestHash = [.. reader.GetFieldValue<byte[]>(7)],
                Version = reader.GetInt64(8),
            };
        }

        await reader.NextResultAsync(cancellationToken);
        var readLines = ImmutableArray.CreateBuilder<ReservationLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            readLines.Add(new ReservationLine(reader.GetString(0), reader.GetInt32(1)));
        }

        return state with { Lines = readLines.ToImmutable() };
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
