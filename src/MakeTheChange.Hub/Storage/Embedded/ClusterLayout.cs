using System.Text;

namespace MakeTheChange.Hub.Storage.Embedded;

internal sealed class ClusterLayout
{
    // sun_path holds 108 bytes including the terminating NUL.
    private const int MaxSocketPathBytes = 107;
    private const string LongestSocketName = ".s.PGSQL.65535";

    public ClusterLayout(string rootDirectory)
    {
        if (string.IsNullOrWhiteSpace(rootDirectory))
        {
            throw new EmbeddedPostgresException(
                "EmbeddedPostgresOptions.DataDirectory is empty. Set Hub:EmbeddedDatabase:DataDirectory to a folder the cluster may own.");
        }

        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));

        // pg_ctl hands the data folder and our -o options to /bin/sh, so these characters would break or inject.
        if (Root.IndexOfAny(['"', '$', '`', '\\', '\n', '\r']) >= 0)
        {
            throw new EmbeddedPostgresException(
                $"The DataDirectory '{Root}' contains a character (\", $, `, \\ or a line break) that pg_ctl cannot pass to the server. Choose another DataDirectory.");
        }

        var socketPath = Path.Combine(RunDirectory, LongestSocketName);
        if (Encoding.UTF8.GetByteCount(socketPath) > MaxSocketPathBytes)
        {
            throw new EmbeddedPostgresException(
                $"The DataDirectory '{Root}' is too long: the server's socket path '{socketPath}' would exceed {MaxSocketPathBytes} bytes. Choose a shorter DataDirectory.");
        }
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string RunDirectory => Path.Combine(Root, "run");

    public string CredentialsFile => Path.Combine(Root, "credentials");

    public string PortFile => Path.Combine(Root, "port");

    public string LogFile => Path.Combine(Root, "postgres.log");

    public string LockFile => Path.Combine(Root, "lock");

    public string PostmasterPidFile => Path.Combine(DataDirectory, "postmaster.pid");

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));
}
