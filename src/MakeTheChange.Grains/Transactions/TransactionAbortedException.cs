namespace MakeTheChange.Grains.Transactions;

/// <summary>The transaction was aborted (it timed out, or its owner gave it up) before it could commit.</summary>
public sealed class TransactionAbortedException : Exception
{
    public TransactionAbortedException()
        : base("The grain transaction was aborted before it committed; nothing was written.")
    {
    }

    public TransactionAbortedException(string message)
        : base(message)
    {
    }

    public TransactionAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
