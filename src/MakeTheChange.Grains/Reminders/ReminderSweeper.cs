using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MakeTheChange.Grains.Reminders;

/// <summary>
/// Turns due dates stored in <c>grain_reminders</c> into grain calls. A node leases what it takes,
/// so nodes share the work; a reminder whose grain did not clear or move it is taken again once the
/// lease runs out, so a node dying mid-way loses nothing.
/// </summary>
internal sealed partial class ReminderSweeper(
    NpgsqlDataSource dataSource,
    NodeIdentity node,
    GrainRuntime runtime,
    GrainTypeRegistry types,
    IOptions<GrainRuntimeOptions> options,
    ILogger<ReminderSweeper> logger) : BackgroundService
{
    private const int MaxPerSweep = 200;
    private readonly GrainRuntimeOptions _options = options.Value;

    /// <summary>Delivers every reminder due now; returns how many were delivered.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await LeaseDueAsync(cancellationToken);
        var deliveries = new List<Task>(due.Count);
        foreach (var (typeName, key, dueAt) in due)
        {
            if (types.Find(typeName) is not { } type)
            {
                LogUnknownType(typeName, key);
                continue;
            }

            deliveries.Add(DeliverAsync(type, key, dueAt, cancellationToken));
        }

        await Task.WhenAll(deliveries);
        return deliveries.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ReminderSweepInterval, runtime.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    while (await SweepAsync(stoppingToken) == MaxPerSweep)
                    {
                    }
                }
                catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
                {
                    LogSweepFailed(exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: leased reminders not delivered come back when their lease runs out.
        }
    }

    private async Task DeliverAsync(IGrainType type, string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        try
        {
            await type.DeliverReminderAsync(key, dueAt, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDeliveryFailed(type.Name, key, exception);
        }
    }

    private async Task<List<(string Type, string Key, DateTimeOffset DueAt)>> LeaseDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE grain_reminders r
            SET leased_until = now() + $1, leased_by = $2
            FROM (
                SELECT grain_type, grain_key FROM grain_reminders
                WHERE due_at <= now() AND (leased_until IS NULL OR leased_until < now())
                ORDER BY due_at
                LIMIT $3
                FOR UPDATE SKIP LOCKED) due
            WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key
            RETURNING r.grain_type, r.grain_key, r.due_at
            """);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = _options.ReminderLease });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = node.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxPerSweep });
        var due = new List<(string, string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return due;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder for unknown grain type {GrainType} ({GrainKey}) left in place")]
    private partial void LogUnknownType(string grainType, string grainKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering the reminder of {GrainType}/{GrainKey} failed; it is retried when its lease ends")]
    private partial void LogDeliveryFailed(string grainType, string grainKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping due reminders failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
