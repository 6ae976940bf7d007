using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MakeTheChange.Hub.Stock;

/// <summary>A movement a caller asks for. <see cref="MovementId"/> is chosen by the caller and unique per SKU and location.</summary>
public sealed record StockMovementCommand(
    string MovementId,
    StockMovementKind Kind,
    int Quantity,
    string? Lot,
    DateOnly? BestBefore,
    string? Reason,
    string? Reference,
    DateTimeOffset? OccurredAt,
    string Source)
{
    /// <summary>Tells a repeat of this command from another command reusing its id.</summary>
    public ImmutableArray<byte> RequestHash { get; } = Hash(Kind, Quantity, Lot, BestBefore, Reason, Reference, OccurredAt, Source);

    private static ImmutableArray<byte> Hash(
        StockMovementKind kind,
        int quantity,
        string? lot,
        DateOnly? bestBefore,
        string? reason,
        string? reference,
        DateTimeOffset? occurredAt,
        string source)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
        {
            kind.ToWire(),
            quantity.ToString(CultureInfo.InvariantCulture),
            lot,
            bestBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            reason,
            reference,
            occurredAt?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            source,
        })
        {
            // Length-prefixed, so that no two different commands share a canonical form.
            canonical.Append(field is null ? "-1:" : string.Create(CultureInfo.InvariantCulture, $"{field.Length}:{field}"));
        }

        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())).AsSpan(0, 16)];
    }
}
