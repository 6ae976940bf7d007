using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Tills;

/// <summary>A till line whose variation is known.</summary>
internal sealed record ResolvedTillLine(SimulatedVariation Variation, decimal Quantity)
{
    public string QuantityText => SquareQuantity.Format(Quantity);

    public Money Total(string currency) =>
        new((long)Math.Round((Variation.PriceCents ?? 0) * Quantity, MidpointRounding.AwayFromZero), currency);
}
