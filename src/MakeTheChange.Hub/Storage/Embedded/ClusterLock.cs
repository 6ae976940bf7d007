namespace MakeTheChange.Hub.Storage.Embedded;

/// <summary>
/// Exclusive lock on the cluster's root folder so that two owners never run initdb, pg_ctl start
/// and pg_ctl stop over the same data at once.
/// </summary>
internal sealed class ClusterLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _stream;

    private ClusterLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<ClusterLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an flock on Unix, which other processes and other handles in this one respect.
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException exception) when (IsHeldElsewhere(exception) && DateTime.UtcNow < deadline)
            {
                // Another owner is starting or stopping the cluster: wait for it, the final failure is reported below.
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (IOException exception) when (IsHeldElsewhere(exception))
            {
                throw new EmbeddedPostgresException(
                    $"Another process held the cluster lock '{path}' for more than {timeout.TotalSeconds:0} s.", exception);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    // .NET reports a refused flock as a plain IOException whose HResult is the errno EWOULDBLOCK;
    // any other I/O failure is not worth waiting for.
    private static bool IsHeldElsewhere(IOException exception) =>
        exception.HResult == (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 35 : 11);
}
