using MakeTheChange.LoadGenerator.Load;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>One run's workload, which remembers what was acknowledged so that its invariants can be checked.</summary>
internal interface IScenarioRun : IWorkload
{
    Task<IReadOnlyList<InvariantCheck>> CheckAsync(CancellationToken cancellationToken);
}
