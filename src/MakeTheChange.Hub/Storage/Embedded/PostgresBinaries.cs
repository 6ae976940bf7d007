using System.Globalization;

namespace MakeTheChange.Hub.Storage.Embedded;

internal sealed class PostgresBinaries
{
    private const string DebianInstallRoot = "/usr/lib/postgresql";

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
    }

    public string BinDirectory { get; }

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public static PostgresBinaries Locate(string? configuredBinDirectory) =>
        Locate(configuredBinDirectory, DebianInstallRoot, Environment.GetEnvironmentVariable("PATH"));

    internal static PostgresBinaries Locate(string? configuredBinDirectory, string installRoot, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(configuredBinDirectory))
        {
            var configured = Path.GetFullPath(configuredBinDirectory);
            if (HoldsServerPrograms(configured))
            {
                return new PostgresBinaries(configured);
            }

            throw NotFound($"the configured BinDirectory {configured}");
        }

        var installed = InstalledVersionFolders(installRoot);
        var onPath = (pathVariable ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathFullyQualified)
            .ToList();

        var found = installed.Concat(onPath).FirstOrDefault(HoldsServerPrograms);
        if (found is not null)
        {
            return new PostgresBinaries(found);
        }

        var pathDescription = onPath.Count == 0 ? "PATH (empty)" : $"PATH ({string.Join(", ", onPath)})";
        throw NotFound($"{installRoot}/*/bin or {pathDescription}");
    }

    private static bool HoldsServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    // Highest major version first; a version folder may hold only client programs, so callers keep searching.
    private static List<string> InstalledVersionFolders(string installRoot)
    {
        if (!Directory.Exists(installRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(installRoot)
            .Select(folder => (Folder: folder, Version: ParseVersion(Path.GetFileName(folder))))
            .Where(entry => entry.Version is not null)
            .OrderByDescending(entry => entry.Version)
            .Select(entry => Path.Combine(entry.Folder, "bin"))
            .ToList();
    }

    private static Version? ParseVersion(string folderName)
    {
        if (int.TryParse(folderName, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(folderName, out var version) ? version : null;
    }

    private static EmbeddedPostgresException NotFound(string whereLooked) => new(
        $"PostgreSQL server binaries (initdb, pg_ctl) were not found in {whereLooked}. " +
        "Install the PostgreSQL server (Debian: apt-get install postgresql), " +
        "or set Hub:EmbeddedDatabase:BinDirectory to the folder that holds pg_ctl, " +
        "or set ConnectionStrings:Hub to use an existing PostgreSQL server.");
}
