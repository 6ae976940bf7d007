using System.Text.RegularExpressions;

namespace MakeTheChange.Hub.Storage.Embedded;

public sealed partial class EmbeddedPostgresOptions
{
    /// <summary>
    /// Root folder owned by the cluster. It holds the data folder, the socket folder,
    /// the credentials file, the saved port and the server log.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Folder holding initdb and pg_ctl; null searches the usual places.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Null reuses the port of the last start when it is free, else picks a free loopback port.</summary>
    public int? Port { get; set; }

    public string DatabaseName { get; set; } = "makethechange";

    /// <summary>Extra server settings passed as <c>-c name=value</c>.</summary>
    public IDictionary<string, string> ServerSettings { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal void Validate()
    {
        if (Port is < 1 or > System.Net.IPEndPoint.MaxPort)
        {
            throw new EmbeddedPostgresException($"EmbeddedPostgresOptions.Port {Port} is not a TCP port (1-65535).");
        }

        if (string.IsNullOrWhiteSpace(DatabaseName))
        {
            throw new EmbeddedPostgresException("EmbeddedPostgresOptions.DatabaseName is empty.");
        }

        foreach (var name in ServerSettings.Keys)
        {
            if (!SettingName().IsMatch(name))
            {
                throw new EmbeddedPostgresException(
                    $"'{name}' in EmbeddedPostgresOptions.ServerSettings is not a PostgreSQL setting name (letters, digits, '_' and '.').");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex SettingName();
}
