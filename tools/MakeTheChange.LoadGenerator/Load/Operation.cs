namespace MakeTheChange.LoadGenerator.Load;

/// <summary>One request to send: to which node, its bytes, what it is, and what the scenario needs to know of it afterwards.</summary>
internal readonly record struct Operation(int Node, byte[] Request, OperationKind Kind, object? Tag = null);
