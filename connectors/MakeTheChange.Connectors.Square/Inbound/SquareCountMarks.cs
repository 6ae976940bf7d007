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
        var inStock = counts.Where(count => count.State == "IN_STOCK").ToList();
        if (inStock.Count == 0)
        {
            return false;
        }

        var names = inStock.SelectMany(count => new[] { SeenName(count), PushedName(count.CatalogObjectId, count.LocationId) }).Distinct(StringComparer.Ordinal).ToList();
        var marks = await store.GetCursorsAsync(connection.ConnectionId, names, cancellationToken);
        var newer = inStock
            .Where(count => !marks.TryGetValue(SeenName(count), out var seen) || DateTimeOffset.Parse(seen, CultureInfo.InvariantCulture) < count.CalculatedAt)
            .ToList();
        var seenNow = newer.GroupBy(SeenName, StringComparer.Ordinal).Select(group => (group.Key, Format(group.Max(count => count.CalculatedAt))));
        await store.SetCursorsAsync(connection.ConnectionId, seenNow, cancellationToken);
        return newer.Any(count => marks.GetValueOrDefault(PushedName(count.CatalogObjectId, count.LocationId)) != Describe(count));
    }

    /// <summary>Remembers the counts Square reported for a push of the hub's, to know their echo when it comes back.</summary>
    public Task RememberPushedAsync(PosConnection connection, IReadOnlyList<InventoryCount> counts, CancellationToken cancellationToken) =>
        store.SetCursorsAsync(connection.ConnectionId, counts.Select(count => (PushedName(count.CatalogObjectId, count.LocationId), Describe(count))), cancellationToken);

    private static string SeenName(InventoryCount count) => $"square.count.seen:{count.CatalogObjectId}@{count.LocationId}";

    private static string PushedName(string variationId, string locationId) => $"square.count.pushed:{variationId}@{locationId}";

    private static string Describe(InventoryCount count) => $"{count.Quantity}|{Format(count.CalculatedAt)}";

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
