using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Api;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// The inventory records the hub's own writes produced. When they come back through the inventory feed
/// or a webhook, they are the echo of the hub's push, not a change made in Lightspeed.
/// </summary>
internal sealed class LightspeedInventoryMarks(PosConnectionStore store)
{
    public Task RememberAsync(PosConnection connection, IReadOnlyList<InventoryRecord> records, CancellationToken cancellationToken) =>
        store.SetCursorsAsync(connection.ConnectionId, records.Select(record => (Name(record), Describe(record))), cancellationToken);

    /// <summary>Those of these records that are the echo of the hub's own writes, in one round trip.</summary>
    public async Task<IReadOnlySet<InventoryRecord>> EchoesAsync(PosConnection connection, IReadOnlyList<InventoryRecord> records, CancellationToken cancellationToken)
    {
        var marks = await store.GetCursorsAsync(connection.ConnectionId, [.. records.Select(Name).Distinct(StringComparer.Ordinal)], cancellationToken);
        return records.Where(record => marks.GetValueOrDefault(Name(record)) == Describe(record)).ToHashSet();
    }

    private static string Name(InventoryRecord record) => $"lightspeed.pushed:{record.ProductId}@{record.OutletId}";

    private static string Describe(InventoryRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.Amount:0.#####}|{record.Version}");
}
