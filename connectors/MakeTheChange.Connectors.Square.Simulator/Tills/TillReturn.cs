namespace MakeTheChange.Connectors.Square.Simulator.Tills;

/// <summary>A return at a Square till (<c>POST /simulator/locations/{locationId}/returns</c>), linked to its sale or not.</summary>
public sealed record TillReturn
{
    public string? SourceOrderId { get; init; }

    public required IReadOnlyList<TillLine> Lines { get; init; }
}
