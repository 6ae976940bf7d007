using System.Diagnostics;
using System.Globalization;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>
/// Stops and removes test clusters whose test process is gone. A run stops its cluster when its process
/// exits normally, but a test host that is killed (a timeout, Ctrl+C, the test platform ending it after
/// the run) leaves its server running, holding memory, a port and every file descriptor it inherited.
/// </summary>
internal static class AbandonedTestClusters
{
    public const string FolderPrefix = "mtc-tests-";

    // Waits for the test process to end, however it ends, then stops the server (if still running) and
    // removes its folder. Its own descriptors are closed first: it must hold nothing of the test run's.
    private const string Watchdog =
        """
        exec </dev/null >/dev/null 2>&1
        for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done
        while kill -0 "$1"; do sleep 1; done
        pid=$(head -n 1 "$2/data/postmaster.pid") && grep -q "$2/data" "/proc/$pid/cmdline" && kill -QUIT "$pid"
        for i in $(seq 1 100); do kill -0 "$pid" || break; sleep 0.1; done
        rm -rf "$2"
        """;

    /// <summary>Has <paramref name="folder"/>'s cluster stopped and removed once this process ends, even when it is killed.</summary>
    public static void StopWhenThisProcessEnds(string folder)
    {
        // In a session of its own: the test platform ends the test host's whole process group.
        using var watchdog = Process.Start("setsid", ["bash", "-c", Watchdog, "test-cluster-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), folder]);
    }

    public static async Task SweepAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                await StopServerAsync(Path.Combine(folder, "data"));
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
            {
                // The ended run's watchdog (or another test process's sweep) is removing the same folder.
            }
        }
    }

    private static async Task StopServerAsync(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse((await File.ReadAllLinesAsync(pidFile))[0], NumberStyles.None, CultureInfo.InvariantCulture, out var postmaster)
            || !IsServerOf(postmaster, dataDirectory))
        {
            return;
        }

        // SIGQUIT is PostgreSQL's immediate shutdown: nothing in a test cluster is worth keeping.
        using (var kill = Process.Start("kill", ["-QUIT", postmaster.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        for (var i = 0; i < 100 && IsAlive(postmaster); i++)
        {
            await Task.Delay(100);
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static bool IsServerOf(int pid, string dataDirectory)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(dataDirectory, StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
