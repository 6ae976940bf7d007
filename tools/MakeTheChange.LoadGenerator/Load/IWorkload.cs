namespace MakeTheChange.LoadGenerator.Load;

/// <summary>What a scenario sends, and what it learns from each answer (for its invariants).</summary>
internal interface IWorkload
{
    /// <summary>The next request of a client. Called concurrently, each client with its own random.</summary>
    Operation Next(Random random);

    /// <summary>The answer to an operation (status 0: no answer). Called concurrently.</summary>
    Outcome Answered(in Operation operation, int status);
}
