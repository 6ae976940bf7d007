using System.Net.Http.Json;

namespace MakeTheChange.Hub.Tests.Reservations;

internal static class ReservationRequests
{
    public static Task<HttpResponseMessage> ReserveAsync(
        this HttpClient client,
        string reservationId,
        string locationId,
        params (string Sku, int Quantity)[] lines) =>
        client.ReserveAsync(reservationId, locationId, ttlSeconds: null, lines);

    public static Task<HttpResponseMessage> ReserveAsync(
        this HttpClient client,
        string reservationId,
        string locationId,
        int? ttlSeconds,
        params (string Sku, int Quantity)[] lines) =>
        client.PostAsJsonAsync("/api/reservations", new
        {
            reservationId,
            locationId,
            channel = "click-and-collect",
            customerId = "cust-1",
            ttlSeconds,
            lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }),
        });
}
