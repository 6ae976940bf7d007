using Npgsql;

namespace MakeTheChange.Hub.Storage;

internal static class NpgsqlParameterCollectionExtensions
{
    /// <summary>Adds a positional ($n) parameter without boxing, its PostgreSQL type inferred from <typeparamref name="T"/>.</summary>
    public static NpgsqlParameterCollection AddTyped<T>(this NpgsqlParameterCollection parameters, T value)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return parameters;
    }
}
