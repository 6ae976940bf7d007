namespace MakeTheChange.Grains;

/// <summary>
/// The database could not be reached. When <see cref="OutcomeUnknown"/> is false nothing was stored;
/// when true the connection broke while committing, so the change may or may not be stored: a caller
/// repeats the command with the same id to learn which.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : this("The database is unreachable.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageUnavailableException(Exception? innerException, bool outcomeUnknown)
        : base(
            outcomeUnknown
                ? "The connection to the database broke while committing; repeat the command with the same id to learn whether it was applied."
                : "The database is unreachable; nothing was applied.",
            innerException)
    {
        OutcomeUnknown = outcomeUnknown;
    }

    public bool OutcomeUnknown { get; }
}
