using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub.Storage;

/// <summary>
/// Applies the SQL migrations embedded in this assembly (Storage/Migrations/NNNN_name.sql) in order,
/// each in its own transaction, under an advisory lock so that nodes starting together apply each
/// migration once. An applied migration whose file changed since is refused: migrations are history.
/// </summary>
internal sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x4D54_4348_4D49_4752; // "MTCHMIGR"

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock($1)", cancellationToken, AdvisoryLockKey);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """,
                cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in Embedded)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} ({migration.Name}) was changed after it was applied. Add a new migration instead.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    cancellationToken,
                    migration.Version,
                    migration.Name,
                    migration.Checksum);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(migration.Version, migration.Name);
                count++;
            }

            return count;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith("Migrations.", StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource["Migrations.".Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, name, sql, checksum));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);

    internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
}
