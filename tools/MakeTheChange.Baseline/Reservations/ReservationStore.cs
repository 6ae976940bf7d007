using Npgsql;

namespace MakeTheChange.Baseline.Reservations;

/// <summary>
/// Reservations, one transaction each: the reservation row first (its primary key makes a repeated id
/// wait for, then fail against, the first), then one conditional UPDATE per line, in SKU order so that
/// two reservations sharing SKUs lock their rows in the same order and cannot deadlock.
/// </summary>
internal sealed class ReservationStore(NpgsqlDataSource dataSource)
{
    private const string InsertReservationSql = """
        INSERT INTO baseline_reservations (reservation_id, location_id, created_at) VALUES ($1, $2, now())
        """;

    private const string HoldSql = """
        UPDATE baseline_stock
        SET held = held + $3, version = version + 1, updated_at = now()
        WHERE location_id = $1 AND sku = $2 AND on_hand - held >= $3
        RETURNING held
        """;

    private const string AvailableSql = """
        SELECT greatest(on_hand - held, 0) FROM baseline_stock WHERE location_id = $1 AND sku = $2
        """;

    private const string InsertLinesSql = """
        INSERT INTO baseline_reservation_lines (reservation_id, line_no, sku, quantity)
        SELECT $1, line.line_no, line.sku, line.quantity
        FROM unnest($2::int[], $3::text[], $4::int[]) AS line (line_no, sku, quantity)
        """;

    private const string ReadSql = """
        SELECT r.location_id, l.sku, l.quantity
        FROM baseline_reservations r
        LEFT JOIN baseline_reservation_lines l ON l.reservation_id = r.reservation_id
        WHERE r.reservation_id = $1
        ORDER BY l.line_no
        """;

    public async Task<HoldOutcome> HoldAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var insert = new NpgsqlCommand(InsertReservationSql, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reservation.ReservationId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reservation.LocationId });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            var stored = await ReadAsync(connection, reservation.ReservationId, cancellationToken)
                ?? throw new InvalidOperationException($"Reservation '{reservation.ReservationId}' was deleted while a repeat of it was being answered.", exception);
            return stored.SameRequestAs(reservation)
                ? new HoldOutcome(HoldStatus.Repeated, stored)
                : new HoldOutcome(HoldStatus.IdReused, stored);
        }

        var insufficient = new List<InsufficientLine>();
        foreach (var line in reservation.Lines.OrderBy(line => line.Sku, StringComparer.Ordinal))
        {
            if (!await TryHoldAsync(connection, transaction, reservation.LocationId, line, cancellationToken))
            {
                var available = await AvailableAsync(connection, transaction, reservation.LocationId, line.Sku, cancellationToken);
                insufficient.Add(new InsufficientLine(line.Sku, line.Quantity, available));
            }
        }

        if (insufficient.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new HoldOutcome(HoldStatus.Insufficient, Insufficient: insufficient);
        }

        await InsertLinesAsync(connection, transaction, reservation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new HoldOutcome(HoldStatus.Held, reservation);
    }

    public async Task<Reservation?> GetAsync(string reservationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, reservationId, cancellationToken);
    }

    private static async Task<bool> TryHoldAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string locationId,
        ReservationLine line,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(HoldSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = line.Sku });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = line.Quantity });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<int> AvailableAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string locationId,
        string sku,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AvailableSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        return await command.ExecuteScalarAsync(cancellationToken) is int available ? available : 0;
    }

    private static async Task InsertLinesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Reservation reservation,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertLinesSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reservation.ReservationId });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. Enumerable.Range(0, reservation.Lines.Count)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. reservation.Lines.Select(line => line.Sku)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. reservation.Lines.Select(line => line.Quantity)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Reservation?> ReadAsync(NpgsqlConnection connection, string reservationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReadSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reservationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? locationId = null;
        var lines = new List<ReservationLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            locationId = reader.GetString(0);
            if (!await reader.IsDBNullAsync(1, cancellationToken))
            {
                lines.Add(new ReservationLine(reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return locationId is null ? null : new Reservation(reservationId, locationId, lines);
    }
}
