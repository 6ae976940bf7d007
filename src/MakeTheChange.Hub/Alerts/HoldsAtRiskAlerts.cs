using System.Text.Json;
using MakeTheChange.Grains.Outbox;
using MakeTheChange.Hub.Stock;
using Npgsql;

namespace MakeTheChange.Hub.Alerts;

/// <summary>
/// A POS sale is never refused, even when it takes units a reservation holds (design.md, "Stock
/// rules"): the hub flags the reservation and raises an alert, one per reservation, so staff can act.
/// </summary>
internal sealed class HoldsAtRiskAlerts : IOutboxHandler
{
    public const string Kind = "reservation-at-risk";

    public bool CanHandle(string topic) => topic == HoldsAtRisk.Topic;

    public async Task HandleAsync(IReadOnlyList<OutboxEnvelope> messages, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await RaiseAsync(message, transaction, cancellationToken);
        }
    }

    private static async Task RaiseAsync(OutboxEnvelope message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var atRisk = JsonSerializer.Deserialize<HoldsAtRisk>(message.PayloadJson, JsonSerializerOptions.Web)
            ?? throw new JsonException($"Outbox message {message.Id}.{message.Index} has no body.");
        foreach (var reservationId in atRisk.ReservationIds)
        {
            await AlertBook.RaiseAsync(
                transaction,
                Kind,
                $"{Kind}:{reservationId}",
                atRisk.LocationId,
                atRisk.Sku,
                reservationId,
                $"Reservation {reservationId} at {atRisk.LocationId} is at risk: {atRisk.MovementId} left {atRisk.OnHand} on hand of {atRisk.Sku} for {atRisk.Held} held.",
                message.PayloadJson,
                cancellationToken);
        }
    }
}
