using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios;

/// <summary>A benchmark scenario: how many nodes of each target it runs, how it seeds one, and what it sends.</summary>
internal interface IScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>Processes of the target on the same database (two for the reservation race).</summary>
    int Nodes { get; }

    /// <summary>Seeds a fresh target and returns the run's workload, which knows what to check at the end.</summary>
    Task<IScenarioRun> PrepareAsync(ServerUnderTest target, string runId, CancellationToken cancellationToken);
}
