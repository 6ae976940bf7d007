using Npgsql;

namespace MakeTheChange.Baseline.Stock;

/// <summary>
/// Stock levels and movements, one transaction per movement: a conditional UPDATE that PostgreSQL
/// serialises on the row lock (READ COMMITTED re-checks the condition against the committed row),
/// then the ledger insert, whose primary key turns a repeated movement id into a unique violation.
/// </summary>
internal sealed class StockStore(NpgsqlDataSource dataSource)
{
    private const string ApplySql = """
        UPDATE baseline_stock
        SET on_hand = on_hand + $3, version = version + 1, updated_at = now()
        WHERE location_id = $1 AND sku = $2 AND ($4 OR on_hand + $3 - held >= 0)
        RETURNING on_hand, held, version
        """;

    private const string RecordSql = """
        INSERT INTO baseline_movements (location_id, sku, movement_id, kind, quantity, on_hand_after, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, now())
        """;

    private const string LevelSql = """
        SELECT on_hand, held, version FROM baseline_stock WHERE location_id = $1 AND sku = $2
        """;

    // Why nothing was applied: no row, an earlier movement with this id, or the condition.
    private const string ExplainSql = """
        SELECT s.on_hand, s.held, s.version, m.kind, m.quantity
        FROM baseline_stock s
        LEFT JOIN baseline_movements m ON m.location_id = s.location_id AND m.sku = s.sku AND m.movement_id = $3
        WHERE s.location_id = $1 AND s.sku = $2
        """;

    public async Task<StockLevel?> GetLevelAsync(string sku, string locationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LevelSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StockLevel(sku, locationId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2))
            : null;
    }

    public async Task<MovementOutcome> ApplyMovementAsync(string sku, string locationId, MovementCommand movement, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        StockLevel? level;
        try
        {
            level = await UpdateAsync(connection, transaction, sku, locationId, movement, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.NumericValueOutOfRange)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new MovementOutcome(MovementStatus.Refused, Detail: $"This {movement.Kind.ToWire()} would take on hand beyond what an integer holds.");
        }

        if (level is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ExplainAsync(connection, sku, locationId, movement, cancellationToken);
        }

        try
        {
            await RecordAsync(connection, transaction, sku, locationId, movement, level.OnHand, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another request recorded this movement id first: undo this one's update and answer as a repeat.
            await transaction.RollbackAsync(cancellationToken);
            return await ExplainAsync(connection, sku, locationId, movement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MovementOutcome(MovementStatus.Applied, level);
    }

    private static async Task<StockLevel?> UpdateAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sku,
        string locationId,
        MovementCommand movement,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ApplySql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = movement.Delta });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = movement.MayGoBelowZero });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StockLevel(sku, locationId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2))
            : null;
    }

    private static async Task RecordAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sku,
        string locationId,
        MovementCommand movement,
        int onHandAfter,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RecordSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = movement.MovementId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = movement.Kind.ToWire() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = movement.Quantity });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = onHandAfter });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<MovementOutcome> ExplainAsync(
        NpgsqlConnection connection,
        string sku,
        string locationId,
        MovementCommand movement,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ExplainSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = movement.MovementId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new MovementOutcome(MovementStatus.NotFound, Detail: $"No stock of SKU '{sku}' at location '{locationId}'.");
        }

        var level = new StockLevel(sku, locationId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2));
        if (!await reader.IsDBNullAsync(3, cancellationToken))
        {
            var sameRequest = reader.GetString(3) == movement.Kind.ToWire() && reader.GetInt32(4) == movement.Quantity;
            return sameRequest
                ? new MovementOutcome(MovementStatus.Repeated, level)
                : new MovementOutcome(MovementStatus.IdReused, level);
        }

        var available = level.OnHand - level.Held;
        return new MovementOutcome(
            MovementStatus.Refused,
            level,
            $"This {movement.Kind.ToWire()} of {movement.Quantity} would take available from {available} to {(long)available + movement.Delta}; "
            + "only a sale may take stock below zero, and held units are not available.");
    }
}
