namespace MakeTheChange.Connectors.Lightspeed.Simulator.Tills;

/// <summary>A sale at an X-Series till (<c>POST /simulator/outlets/{outletId}/sales</c>), closed and paid at once.</summary>
public sealed record TillSale
{
    public required IReadOnlyList<TillLine> Lines { get; init; }

    /// <summary>For a return: the id of the sale the units came from (<c>return_for</c>); null for an unlinked return or a plain sale.</summary>
    public string? ReturnFor { get; init; }
}
