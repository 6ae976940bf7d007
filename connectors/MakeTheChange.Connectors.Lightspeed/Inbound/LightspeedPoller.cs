using System.Collections.Concurrent;
using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// Polls a connection's change feeds from their stored version cursors, one poll at a time per connection
/// on this node: to their end (the scheduled poll, reconciliation), or only as far as the versions some
/// webhooks named. A new connection starts at the store's latest versions (or at the <c>startVersion</c>
/// setting): what happened before is already in the stock it was set up with.
/// </summary>
internal sealed class LightspeedPoller(LightspeedSalesFeed sales, LightspeedInventoryFeed inventory, PosConnectionStore store, TimeProvider clock)
{
    /// <summary>A feed read until it is empty, however far that is.</summary>
    public const long ToTheEnd = long.MaxValue;

    private readonly ConcurrentDictionary<string, Polls> _polls = new(StringComparer.Ordinal);

    /// <summary>When this node last started to read the sales feed to its end: a notice received before then is covered.</summary>
    public DateTimeOffset SalesReadToTheEndSince(string connectionId) => Of(connectionId).SalesToTheEndAt;

    /// <summary>When this node last started to read the inventory feed to its end.</summary>
    public DateTimeOffset InventoryReadToTheEndSince(string connectionId) => Of(connectionId).InventoryToTheEndAt;

    /// <summary>Reads both feeds to their end.</summary>
    public Task PollAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, CancellationToken cancellationToken) =>
        PollAsync(lightspeed, connection, settings, ToTheEnd, ToTheEnd, cancellationToken);

    /// <summary>
    /// Reads each feed asked for (null: not that one) until its cursor reaches the version given, or
    /// <see cref="ToTheEnd"/>: a poll set off by webhooks stops at the newest version they named instead of
    /// asking for one more, empty, page.
    /// </summary>
    public async Task PollAsync(LightspeedApiClient lightspeed, PosConnection connection, LightspeedSettings settings, long? salesUpTo, long? inventoryUpTo, CancellationToken cancellationToken)
    {
        var polls = Of(connection.ConnectionId);
        await polls.Turn.WaitAsync(cancellationToken);
        try
        {
            var startedAt = clock.GetUtcNow();
            var salesAfter = await CursorAsync(lightspeed, connection, LightspeedSalesFeed.Cursor, settings, cancellationToken);
            var inventoryAfter = await CursorAsync(lightspeed, connection, LightspeedInventoryFeed.Cursor, settings, cancellationToken);
            if (salesUpTo is { } salesTarget)
            {
                if (salesTarget == ToTheEnd)
                {
                    polls.SalesToTheEndAt = startedAt;
                }

                if (salesAfter is { } salesFrom)
                {
                    await sales.SyncAsync(lightspeed, connection, salesFrom, salesTarget, cancellationToken);
                }
            }

            if (inventoryUpTo is { } inventoryTarget)
            {
                if (inventoryTarget == ToTheEnd)
                {
                    polls.InventoryToTheEndAt = startedAt;
                }

                if (inventoryAfter is { } inventoryFrom)
                {
                    var salesSeenUpTo = long.Parse((await store.GetCursorAsync(connection.ConnectionId, LightspeedSalesFeed.Cursor, cancellationToken))!, CultureInfo.InvariantCulture);
                    await inventory.SyncAsync(lightspeed, connection, inventoryFrom, inventoryTarget, salesSeenUpTo, cancellationToken);
                }
            }
        }
        finally
        {
            polls.Turn.Release();
        }
    }

    private Polls Of(string connectionId) => _polls.GetOrAdd(connectionId, static _ => new Polls());

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

    /// <summary>One connection's polls on this node: one at a time, and when each feed was last read to its end.</summary>
    private sealed class Polls
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset SalesToTheEndAt { get; set; }

        public DateTimeOffset InventoryToTheEndAt { get; set; }
    }
}
