using MakeTheChange.Hub.Storage.Embedded;

namespace MakeTheChange.Hub.Tests.Storage.Embedded;

internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        // Short on purpose: the server's socket path must stay under 108 bytes.
        Path = System.IO.Path.Combine("/tmp", "epg-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
