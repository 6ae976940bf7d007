namespace MakeTheChange.Grains;

/// <summary>A grain's writes kept meeting a newer stored version (other nodes writing the same grain) and gave up.</summary>
public sealed class GrainContentionException : Exception
{
    public GrainContentionException()
        : base("The grain's state kept changing under it.")
    {
    }

    public GrainContentionException(string message)
        : base(message)
    {
    }

    public GrainContentionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainContentionException(GrainId id, int attempts)
        : base($"{id} was written elsewhere {attempts} times in a row while this node tried to write it; retry later.")
    {
    }
}
