namespace MakeTheChange.LoadGenerator.Servers;

/// <summary>Where the hub and the baseline were built, beside this generator and in its configuration.</summary>
internal static class RepositoryLayout
{
    public static string Configuration { get; } = Directory.GetParent(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!.Name;

    public static string HubHost => Built("src/MakeTheChange.Hub.Host", "MakeTheChange.Hub.Host.dll");

    public static string Baseline => Built("tools/MakeTheChange.Baseline", "MakeTheChange.Baseline.dll");

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MakeTheChange.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Run the load generator from its place in the repository (MakeTheChange.sln not found above it).");
        }
    }

    private static string Built(string project, string assembly)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the load generator (it builds both).", path);
    }
}
