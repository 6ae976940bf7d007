using System.Collections.Concurrent;
using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// Polls a connection's change feeds from their stored version cursors, one poll at a time per connection
/// on this node. A new connection starts at the store's latest versions (or at the <c>startVersion</c>
/// setting): what happened before is already in the stock it was set up with.
/// </summary>
internal sealed class LightspeedPoller(LightspeedSalesFeed sales, LightspeedInventoryFeed inventory, PosConnectionStore store, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (SemaphoreSlim Turn, DateTimeOffset LastStartedAt)> _polls = new(StringComparer.Ordinal);

    /// <summary>When this node last started to poll the connection (a webhook received before that is covered).</summary>
    public DateTimeOffset LastStartedAt(string connectionId) => _polls.TryGetValue(connectionId, out var poll) ? poll.LastStartedAt : default;

    public async Task PollAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, CancellationToken cancellationToken)
    {
        var turn = _polls.GetOrAdd(connection.ConnectionId, static _ => (new SemaphoreSlim(1, 1), default)).Turn;
        await turn.WaitAsync(cancellationToken);
        try
        {
            _polls[connection.ConnectionId] = (turn, clock.GetUtcNow());
            var salesAfter = await CursorAsync(lightspeed, connection, LightspeedSalesFeed.Cursor, settings, cancellationToken);
            var inventoryAfter = await CursorAsync(lightspeed, connection, LightspeedInventoryFeed.Cursor, settings, cancellationToken);
            if (salesAfter is { } salesFrom)
            {
                await sales.SyncAsync(lightspeed, connection, salesFrom, cancellationToken);
            }

            if (inventoryAfter is { } inventoryFrom)
            {
                var salesSeenUpTo = long.Parse((await store.GetCursorAsync(connection.ConnectionId, LightspeedSalesFeed.Cursor, cancellationToken))!, CultureInfo.InvariantCulture);
                await inventory.SyncAsync(lightspeed, connection, inventoryFrom, salesSeenUpTo, cancellationToken);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>The stored cursor; or, the first time, the store's latest version, stored, and null (nothing to apply yet).</summary>
    private async Task<long?> CursorAsync(LightspeedApiClient lightspeed, PosConnection connection, string name, LightspeedSettings settings, CancellationToken cancellationToken)
    {
        if (await store.GetCursorAsync(connection.ConnectionId, name, cancellationToken) is { } stored)
        {
            return long.Parse(stored, CultureInfo.InvariantCulture);
        }

        var start = settings.StartVersion ?? await LatestVersionAsync(lightspeed, name, cancellationToken);
        await store.SetCursorAsync(connection.ConnectionId, name, start.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return settings.StartVersion;
    }

    private static async Task<long> LatestVersionAsync(LightspeedApiClient lightspeed, string name, CancellationToken cancellationToken)
    {
        // The feeds have no "latest" query: walk them once without applying anything.
        var after = 0L;
        while (true)
        {
            var max = name == LightspeedSalesFeed.Cursor
                ? (await lightspeed.SalesAfterAsync(after, cancellationToken)).Version?.Max
                : (await lightspeed.InventoryAfterAsync(after, cancellationToken)).Version?.Max;
            if (max is null)
            {
                return after;
            }

            after = max.Value;
        }
    }
}
