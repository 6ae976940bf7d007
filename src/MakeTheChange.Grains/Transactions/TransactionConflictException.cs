namespace MakeTheChange.Grains.Transactions;

/// <summary>A grain in the transaction had a stale state; nothing was written. The runtime runs the
/// exclusive call that committed it again, from fresh states.</summary>
public sealed class TransactionConflictException : Exception
{
    public TransactionConflictException()
        : base("A grain in the transaction was written elsewhere first; nothing was written.")
    {
    }

    public TransactionConflictException(string message)
        : base(message)
    {
    }

    public TransactionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
