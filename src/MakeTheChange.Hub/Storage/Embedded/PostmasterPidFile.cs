using System.Globalization;

namespace MakeTheChange.Hub.Storage.Embedded;

internal static class PostmasterPidFile
{
    // Line 4 (1-based) holds the port; see LOCK_FILE_LINE_PORT in PostgreSQL's miscadmin.h.
    private const int PortLineIndex = 3;

    public static int ReadPort(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length > PortLineIndex &&
            int.TryParse(lines[PortLineIndex].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) &&
            port is > 0 and <= System.Net.IPEndPoint.MaxPort)
        {
            return port;
        }

        throw new EmbeddedPostgresException(
            $"The running server's '{path}' has no port on its fourth line. Stop that server (pg_ctl stop -D '{Path.GetDirectoryName(path)}') and start again.");
    }
}
