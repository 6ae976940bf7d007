namespace MakeTheChange.Hub;

/// <summary>Where the hub keeps its local state when nothing else is configured.</summary>
public static class HubPaths
{
    /// <summary>
    /// /var/lib/make-the-change-hub when running as root (the PostgreSQL server runs as the postgres
    /// user, which cannot enter root's home), ~/.local/share/make-the-change-hub otherwise.
    /// </summary>
    public static string StateDirectory =>
        Environment.IsPrivilegedProcess
            ? "/var/lib/make-the-change-hub"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "make-the-change-hub");

    public static string EmbeddedDatabase => Path.Combine(StateDirectory, "postgres");
}
