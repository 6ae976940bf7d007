using System.Runtime.Versioning;

namespace MakeTheChange.Hub.Storage.Embedded;

/// <summary>
/// The system user the server programs run as. PostgreSQL refuses to run as root, so a root process
/// runs them as <c>postgres</c> through runuser and hands that user the folders the server writes to.
/// </summary>
internal sealed class ServerAccount
{
    private const string ServerUserName = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private ServerAccount(string? runAsUser)
    {
        RunAsUser = runAsUser;
    }

    /// <summary>Null when the server programs run as the current user.</summary>
    public string? RunAsUser { get; }

    public static ServerAccount ForCurrentProcess() =>
        new(Environment.IsPrivilegedProcess ? ServerUserName : null);

    public ExternalCommand Command(string executable, IEnumerable<string> arguments, string workingDirectory) =>
        new(executable, arguments, RunAsUser, workingDirectory);

    public async Task GiveOwnershipAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        if (RunAsUser is null || paths.Count == 0)
        {
            return;
        }

        var result = await new ExternalCommand("chown", [$"{RunAsUser}:", "--", .. paths], runAsUser: null, workingDirectory: "/")
            .RunAsync(CommandTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"Running as root, the PostgreSQL server must run as the '{RunAsUser}' system user, but '{result.CommandLine}' failed " +
                $"(exit code {result.ExitCode}): {result.OutputTail()} Install the PostgreSQL server package, which creates that user, or run as a non-root user.");
        }
    }

    /// <summary>Fails with the first folder on the way to <paramref name="directory"/> the server user cannot enter.</summary>
    [UnsupportedOSPlatform("windows")]
    public async Task EnsureCanReachAsync(string directory, CancellationToken cancellationToken)
    {
        if (RunAsUser is null)
        {
            return;
        }

        var chain = new List<string>();
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            chain.Insert(0, folder.FullName);
        }

        foreach (var folder in chain)
        {
            // Only a folder that others cannot enter needs the slower check as the server user (groups, ACLs).
            if ((File.GetUnixFileMode(folder) & UnixFileMode.OtherExecute) != UnixFileMode.None)
            {
                continue;
            }

            var probe = await Command("test", ["-x", folder], workingDirectory: "/")
                .RunAsync(CommandTimeout, cancellationToken);
            if (!probe.Succeeded)
            {
                throw new EmbeddedPostgresException(
                    $"The PostgreSQL server runs as the '{RunAsUser}' system user, which cannot enter the folder '{folder}' " +
                    $"on the way to the DataDirectory '{directory}'. Choose a DataDirectory outside it (for example under /var/lib or /srv), " +
                    $"or let '{RunAsUser}' enter it (chmod o+x '{folder}').");
            }
        }
    }
}
