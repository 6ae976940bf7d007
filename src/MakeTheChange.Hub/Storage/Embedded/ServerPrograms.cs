using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace MakeTheChange.Hub.Storage.Embedded;

internal sealed class ServerPrograms
{
    private const int StartWaitSeconds = 60;
    private const int StopWaitSeconds = 60;
    private const int LogTailLines = 30;
    private const int PgCtlStatusNotRunning = 3;
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(30);

    // pg_ctl's own -w wait comes first, so its clearer message wins over ours.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(StartWaitSeconds + 30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(StopWaitSeconds + 30);

    private readonly PostgresBinaries _binaries;
    private readonly ServerAccount _account;
    private readonly ClusterLayout _layout;

    public ServerPrograms(PostgresBinaries binaries, ServerAccount account, ClusterLayout layout)
    {
        _binaries = binaries;
        _account = account;
        _layout = layout;
    }

    [UnsupportedOSPlatform("windows")]
    public async Task InitializeAsync(ClusterCredentials credentials, CancellationToken cancellationToken)
    {
        // The password reaches initdb through a file, never the command line, where ps and our error messages would show it.
        var passwordFile = Path.Combine(_layout.RunDirectory, "initdb-password");
        OwnerOnlyFile.Write(passwordFile, credentials.Password + "\n");
        var dataWasEmpty = !Directory.EnumerateFileSystemEntries(_layout.DataDirectory).Any();
        var initialized = false;
        try
        {
            await _account.GiveOwnershipAsync([passwordFile], cancellationToken);
            await Run(
                _binaries.InitDb,
                [
                    "-D", _layout.DataDirectory,
                    "-U", credentials.UserName,
                    $"--pwfile={passwordFile}",
                    "-E", "UTF8",
                    $"--locale={ServerLocale()}",
                    // Local socket connections are confined to the server account by the 0700 run folder.
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                ]).RunCheckedAsync(InitDbTimeout, cancellationToken);
            initialized = true;
        }
        finally
        {
            File.Delete(passwordFile);

            // initdb cleans up after its own errors but not after being killed on timeout or cancellation,
            // and a half-written data folder would look initialized to the next start.
            if (!initialized && dataWasEmpty)
            {
                EmptyFolder(_layout.DataDirectory);
            }
        }
    }

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var status = await Run(_binaries.PgCtl, ["status", "-D", _layout.DataDirectory])
            .RunAsync(StatusTimeout, cancellationToken);
        if (status.ExitCode == PgCtlStatusNotRunning)
        {
            return false;
        }

        status.ThrowIfFailed();
        return true;
    }

    // Not cancellable: killing pg_ctl half-way would also kill the postmaster it is starting, leaving a stale
    // postmaster.pid and shared memory behind. pg_ctl's own -t bounds the wait instead.
    public async Task StartAsync(int port, IDictionary<string, string> serverSettings)
    {
        var logStart = File.Exists(_layout.LogFile) ? new FileInfo(_layout.LogFile).Length : 0;
        var result = await Run(
            _binaries.PgCtl,
            [
                "start",
                "-D", _layout.DataDirectory,
                "-l", _layout.LogFile,
                "-w",
                "-t", StartWaitSeconds.ToString(CultureInfo.InvariantCulture),
                "-o", ServerOptions(port, serverSettings),
            ]).RunAsync(StartTimeout, CancellationToken.None);

        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"The PostgreSQL server in '{_layout.DataDirectory}' did not start on port {port}: '{result.CommandLine}' " +
                $"failed with exit code {result.ExitCode}.{Environment.NewLine}{result.OutputTail()}{Environment.NewLine}" +
                $"Last lines of {_layout.LogFile}:{Environment.NewLine}{ReadLogSince(logStart)}");
        }
    }

    /// <summary>Returns false when no server was running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_layout.PostmasterPidFile))
        {
            return false;
        }

        var result = await Run(
            _binaries.PgCtl,
            [
                "stop",
                "-D", _layout.DataDirectory,
                "-m", "fast",
                "-w",
                "-t", StopWaitSeconds.ToString(CultureInfo.InvariantCulture),
            ]).RunAsync(StopTimeout, cancellationToken);

        if (result.Succeeded)
        {
            return true;
        }

        // A stale postmaster.pid left by a crashed server makes pg_ctl stop fail although nothing runs.
        if (!await IsRunningAsync(cancellationToken))
        {
            return false;
        }

        result.ThrowIfFailed();
        return true;
    }

    private ExternalCommand Run(string executable, IEnumerable<string> arguments) =>
        _account.Command(executable, arguments, _layout.Root);

    // pg_ctl hands -o to /bin/sh, so every token is single-quoted.
    private string ServerOptions(int port, IDictionary<string, string> serverSettings)
    {
        var tokens = new List<string>
        {
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-k", _layout.RunDirectory,
            "-c", "listen_addresses=127.0.0.1",
        };
        foreach (var (name, value) in serverSettings)
        {
            tokens.Add("-c");
            tokens.Add($"{name}={value}");
        }

        return string.Join(' ', tokens.Select(token => "'" + token.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
    }

    private string ReadLogSince(long offset)
    {
        if (!File.Exists(_layout.LogFile))
        {
            return "(no log file was written)";
        }

        using var stream = new FileStream(_layout.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (offset <= stream.Length)
        {
            stream.Seek(offset, SeekOrigin.Begin);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(the server wrote nothing)" : string.Join(Environment.NewLine, lines.TakeLast(LogTailLines));
    }

    private static void EmptyFolder(string folder)
    {
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            Directory.Delete(directory, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Delete(file);
        }
    }

    // C.UTF-8 classifies non-ASCII letters correctly; plain C is the fallback that every system has.
    private static string ServerLocale() =>
        Directory.Exists("/usr/lib/locale/C.utf8") || Directory.Exists("/usr/lib/locale/C.UTF-8") ? "C.UTF-8" : "C";
}
