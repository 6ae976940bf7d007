using Microsoft.Extensions.Logging;

namespace MakeTheChange.Hub.Connections;

/// <summary>Stores a connection and lets its connector note where the POS stands.</summary>
public sealed partial class PosConnectionSetup(PosConnectionStore store, PosConnectors connectors, ILogger<PosConnectionSetup> logger)
{
    public async Task<PosConnection> SaveAsync(PosConnection connection, CancellationToken cancellationToken)
    {
        var stored = await store.UpsertAsync(connection, cancellationToken);
        try
        {
            await connectors.Find(stored.Kind)!.ConnectAsync(stored, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The POS is not reachable yet: the connection is saved, and its first poll notes where the POS stands.
            LogNotReachable(stored.ConnectionId, exception.Message);
            await store.RecordErrorAsync(stored.ConnectionId, $"Connecting: {exception.GetType().Name}: {exception.Message}", CancellationToken.None);
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} saved, but its POS did not answer: {Reason}")]
    private partial void LogNotReachable(string connectionId, string reason);
}
