using MakeTheChange.Hub.Storage.Embedded;

namespace MakeTheChange.Hub.Tests.Storage.Embedded;

internal static class TestClusters
{
    // fsync=off keeps throwaway clusters fast and exercises ServerSettings on every start.
    public static EmbeddedPostgresOptions Options(string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        ServerSettings = { ["fsync"] = "off" },
    };

    public static Task<EmbeddedPostgresCluster> StartAsync(string dataDirectory, RecordingLogger? logger = null) =>
        EmbeddedPostgresCluster.StartAsync(Options(dataDirectory), logger ?? new RecordingLogger(), CancellationToken.None);
}
