using System.Collections.Immutable;
using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Reservations;

/// <summary>A reservation: where, for which channel, what it holds, until when, and where it stands.</summary>
public sealed record ReservationState : IGrainState<ReservationState>
{
    public required string ReservationId { get; init; }

    public long Version { get; init; }

    public ReservationStatus Status { get; init; }

    public string LocationId { get; init; } = string.Empty;

    public ReservationChannel Channel { get; init; }

    public string? CustomerId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset StatusChangedAt { get; init; }

    public ImmutableArray<ReservationLine> Lines { get; init; } = [];

    /// <summary>Tells a repeat of the creating request from another request reusing its id.</summary>
    public ImmutableArray<byte> RequestHash { get; init; } = [];

    /// <summary>The lines in the order their stock grains are enlisted: by SKU, the same for every reservation.</summary>
    public IEnumerable<ReservationLine> LinesInLockOrder => Lines.OrderBy(line => line.Sku, StringComparer.Ordinal);

    public ReservationState Persisted(long version) => this with { Version = version };
}
