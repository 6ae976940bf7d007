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
    public async Task RememberAsync(PosConnection connection, IReadOnlyList<InventoryRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await store.SetCursorAsync(connection.ConnectionId, Name(record), Describe(record), cancellationToken);
        }
    }

    public async Task<bool> IsEchoAsync(PosConnection connection, InventoryRecord record, CancellationToken cancellationToken) =>
        await store.GetCursorAsync(connection.ConnectionId, Name(record), cancellationToken) == Describe(record);

    private static string Name(InventoryRecord record) => $"lightspeed.pushed:{record.ProductId}@{record.OutletId}";

    private static string Describe(InventoryRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.Amount:0.#####}|{record.Version}");
}
