using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Hub.Reservations;

/// <summary>Hold these lines at this location, all or nothing, until the reservation is fulfilled, released or expires.</summary>
public sealed record CreateReservationCommand(
    string ReservationId,
    string LocationId,
    ReservationChannel Channel,
    string? CustomerId,
    int? TtlSeconds,
    ImmutableArray<ReservationLine> Lines)
{
    public ImmutableArray<byte> RequestHash { get; } = Hash(LocationId, Channel, CustomerId, TtlSeconds, Lines);

    private static ImmutableArray<byte> Hash(string locationId, ReservationChannel channel, string? customerId, int? ttlSeconds, ImmutableArray<ReservationLine> lines)
    {
        var canonical = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{locationId.Length}:{locationId}|{channel.ToWire()}|")
            .Append(customerId is null ? "-1:" : string.Create(CultureInfo.InvariantCulture, $"{customerId.Length}:{customerId}"))
            .Append(CultureInfo.InvariantCulture, $"|{ttlSeconds}|");
        foreach (var line in lines)
        {
            canonical.Append(CultureInfo.InvariantCulture, $"{line.Sku.Length}:{line.Sku}={line.Quantity};");
        }

        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())).AsSpan(0, 16)];
    }
}
