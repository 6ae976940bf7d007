namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary><c>{"errors":[...]}</c>, the body of every Square error answer.</summary>
internal sealed record SquareErrorResponse(IReadOnlyList<SquareError> Errors);
