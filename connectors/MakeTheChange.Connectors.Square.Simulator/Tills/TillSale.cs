namespace MakeTheChange.Connectors.Square.Simulator.Tills;

/// <summary>A sale at a Square till (<c>POST /simulator/locations/{locationId}/sales</c>).</summary>
public sealed record TillSale
{
    public required IReadOnlyList<TillLine> Lines { get; init; }

    /// <summary>When the sale happened; earlier than now for an offline till syncing late. Default now.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
}
