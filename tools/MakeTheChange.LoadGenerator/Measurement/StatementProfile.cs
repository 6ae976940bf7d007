using System.Globalization;
using System.Text;
using Npgsql;

namespace MakeTheChange.LoadGenerator.Measurement;

/// <summary>
/// What PostgreSQL spent its time on in the measured window, statement by statement (pg_stat_statements,
/// which the benchmark's cluster loads when asked): where to look before optimising.
/// </summary>
internal sealed class StatementProfile(NpgsqlDataSource database)
{
    private const int Shown = 12;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets what came before the measured window.</summary>
    public void Reset()
    {
        using var command = database.CreateCommand("SELECT pg_stat_statements_reset()");
        command.ExecuteNonQuery();
    }

    /// <summary>The statements of this database that took the most time since <see cref="Reset"/>, as text lines.</summary>
    public async Task<string> ReportAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            SELECT calls, total_exec_time, rows, regexp_replace(query, '\s+', ' ', 'g')
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC
            LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Shown });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var report = new StringBuilder("      calls    total ms   ms/call       rows  statement\n");
        while (await reader.ReadAsync(cancellationToken))
        {
            var calls = reader.GetInt64(0);
            var total = reader.GetDouble(1);
            var query = reader.GetString(3);
            report.Append(CultureInfo.InvariantCulture, $"{calls,11} {total,11:0} {total / Math.Max(1, calls),9:0.000} {reader.GetInt64(2),10}  {query[..Math.Min(query.Length, 120)]}\n");
        }

        return report.ToString();
    }
}
