using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// Lightspeed's inventory change feed (<c>/inventory?after=version</c>). Sales already come in through the
/// sales feed, and the hub's own writes come back here as echoes; an amount that neither explains is
/// reported as suspected drift, which reconciliation repairs. It is not applied as it stands: it already
/// includes till sales the hub may not have taken in yet, which would then leave twice.
/// </summary>
internal sealed partial class LightspeedInventoryFeed(
    LightspeedInventoryMarks marks,
    ReconciliationBaseline baseline,
    PosConnectionStore store,
    ILogger<LightspeedInventoryFeed> logger)
{
    public const string Cursor = "lightspeed.inventory.after";

    /// <summary>
    /// Reads the inventory changed since <paramref name="after"/>, page by page, until a page reaches
    /// <paramref name="upTo"/> or the feed ends. <paramref name="salesSeenUpTo"/> is where the sales feed
    /// stands: versions are global (pos-apis.md §2.1), so an amount of a later version may include a till
    /// sale not taken in yet, and is no sign of drift.
    /// </summary>
    public async Task SyncAsync(LightspeedApiClient lightspeed, PosConnection connection, long after, long upTo, long salesSeenUpTo, CancellationToken cancellationToken)
    {
        Dictionary<(string Sku, string LocationId), int>? expected = null;
        while (true)
        {
            var page = await lightspeed.InventoryAfterAsync(after, cancellationToken);
            if (page.Data is not { Count: > 0 } records || page.Version?.Max is not { } max)
            {
                return;
            }

            var comparable = records.Where(record => record.Version <= salesSeenUpTo && connection.HubLocation(record.OutletId) is not null).ToList();
            var skus = await store.FindSkusAsync(connection.ConnectionId, [.. comparable.Select(record => record.ProductId).Distinct(StringComparer.Ordinal)], cancellationToken);
            comparable.RemoveAll(record => !skus.ContainsKey(record.ProductId));
            var echoes = await marks.EchoesAsync(connection, comparable, cancellationToken);
            foreach (var record in comparable.Where(record => !echoes.Contains(record)))
            {
                var (sku, locationId) = (skus[record.ProductId], connection.HubLocation(record.OutletId)!);
                expected ??= await baseline.ExpectedAsync(connection, cancellationToken);
                if (expected.TryGetValue((sku, locationId), out var hub) && hub != record.Amount)
                {
                    LogSuspectedDrift(connection.ConnectionId, sku, locationId, record.Amount, hub);
                }
            }

            after = max;
            await store.SetCursorAsync(connection.ConnectionId, Cursor, max.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (max >= upTo)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lightspeed connection {ConnectionId}: {Sku} at {LocationId} counts {PosAmount}, the hub expects {Expected}; reconciliation will settle it if it stays")]
    private partial void LogSuspectedDrift(string connectionId, string sku, string locationId, decimal posAmount, int expected);
}
