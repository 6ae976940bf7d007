using System.Diagnostics;
using System.Globalization;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>
/// Stops and removes the clusters of earlier test runs whose process is gone. A run stops its cluster
/// when its process exits normally; a test host that was killed (a timeout, Ctrl+C) leaves its server
/// running, holding memory, a port and every file descriptor it inherited.
/// </summary>
internal static class AbandonedTestClusters
{
    public const string FolderPrefix = "mtc-tests-";

    public static async Task SweepAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            await StopServerAsync(Path.Combine(folder, "data"));
            Directory.Delete(folder, recursive: true);
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
