namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>A property that must hold at the end of a run, and what was found.</summary>
internal sealed record InvariantCheck(string Name, bool Holds, string Found);
