namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>One entry of Square's error envelope; <c>category</c> and <c>code</c> are always set.</summary>
internal sealed record SquareError(string Category, string Code, string? Detail = null, string? Field = null);
