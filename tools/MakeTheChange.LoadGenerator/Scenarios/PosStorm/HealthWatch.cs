using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// Reads a connection's health once a second while the storm lasts and keeps the worst it saw: how many
/// webhook events waited to be processed and how old the oldest was.
/// </summary>
internal sealed class HealthWatch : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    public HealthWatch(ServerUnderTest hub, string connectionId) => _watching = WatchAsync(hub, connectionId, _stop.Token);

    public long MostPendingEvents { get; private set; }

    public double MostEventLagSeconds { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }

    private async Task WatchAsync(ServerUnderTest hub, string connectionId, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var health = await HubConnections.HealthAsync(hub, connectionId, stop);
                MostPendingEvents = Math.Max(MostPendingEvents, health.PendingEvents);
                MostEventLagSeconds = Math.Max(MostEventLagSeconds, health.EventLagSeconds ?? 0);
                await Task.Delay(Every, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The storm is over.
        }
    }
}
