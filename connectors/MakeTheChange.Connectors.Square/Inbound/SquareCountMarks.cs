using System.Globalization;
using MakeTheChange.Connectors.Square.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// The newest Square count seen per variation and location, and the counts Square reported after the
/// hub's own pushes. Webhooks arrive out of order and more than once (pos-apis.md §1.6): a count older
/// than the one already seen is stale, and a count equal to what the hub's push produced is its echo.
/// </summary>
internal sealed class SquareCountMarks(PosConnectionStore store)
{
    /// <summary>Notes these counts; true when one of them is newer than what was seen and is not the hub's echo.</summary>
    public async Task<bool> AnyNewAsync(PosConnection connection, IReadOnlyList<InventoryCount> counts, CancellationToken cancellationToken)
    {
        var anyNew = false;
        foreach (var count in counts.Where(count => count.State == "IN_STOCK"))
        {
            var seenName = $"square.count.seen:{count.CatalogObjectId}@{count.LocationId}";
            var seen = await store.GetCursorAsync(connection.ConnectionId, seenName, cancellationToken);
            if (seen is not null && DateTimeOffset.Parse(seen, CultureInfo.InvariantCulture) >= count.CalculatedAt)
            {
                continue;
            }

            await store.SetCursorAsync(connection.ConnectionId, seenName, Format(count.CalculatedAt), cancellationToken);
            var pushed = await store.GetCursorAsync(connection.ConnectionId, PushedName(count.CatalogObjectId, count.LocationId), cancellationToken);
            anyNew |= pushed != Describe(count);
        }

        return anyNew;
    }

    /// <summary>Remembers the counts Square reported for a push of the hub's, to know their echo when it comes back.</summary>
    public async Task RememberPushedAsync(PosConnection connection, IReadOnlyList<InventoryCount> counts, CancellationToken cancellationToken)
    {
        foreach (var count in counts)
        {
            await store.SetCursorAsync(connection.ConnectionId, PushedName(count.CatalogObjectId, count.LocationId), Describe(count), cancellationToken);
        }
    }

    private static string PushedName(string variationId, string locationId) => $"square.count.pushed:{variationId}@{locationId}";

    private static string Describe(InventoryCount count) => $"{count.Quantity}|{Format(count.CalculatedAt)}";

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
