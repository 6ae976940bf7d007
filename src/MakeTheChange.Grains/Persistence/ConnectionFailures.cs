using Npgsql;

namespace MakeTheChange.Grains.Persistence;

/// <summary>Tells a database out of reach (or a connection lost) from a statement that failed on its own.</summary>
internal static class ConnectionFailures
{
    public static bool Is(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState == PostgresErrorCodes.TooManyConnections,
        NpgsqlException => true,
        TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}
