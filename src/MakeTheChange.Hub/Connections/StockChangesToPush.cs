using System.Text.Json;
using MakeTheChange.Grains.Outbox;
using MakeTheChange.Hub.Stock;
using Npgsql;

namespace MakeTheChange.Hub.Connections;

/// <summary>Turns the outbox's stock changes into pushes for the connections that mirror their locations.</summary>
internal sealed class StockChangesToPush(PosPushes pushes) : IOutboxHandler
{
    public bool CanHandle(string topic) => topic == StockChanged.Topic;

    public Task HandleAsync(IReadOnlyList<OutboxEnvelope> messages, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        pushes.EnqueueAsync(
            [.. messages.Select(message => JsonSerializer.Deserialize<StockChanged>(message.PayloadJson, JsonSerializerOptions.Web)!)],
            transaction,
            cancellationToken);
}
