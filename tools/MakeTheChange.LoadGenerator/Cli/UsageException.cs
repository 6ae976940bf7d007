namespace MakeTheChange.LoadGenerator.Cli;

/// <summary>A command line the generator cannot run; its message says why.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
