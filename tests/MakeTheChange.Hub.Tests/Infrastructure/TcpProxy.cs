using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that a test can cut, to make the database unreachable
/// for one hub without stopping the server every other test uses.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private readonly int _targetPort;
    private volatile bool _cut;

    private TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A proxy to the server of <paramref name="connectionString"/>, and the same connection string through it.</summary>
    public static (TcpProxy Proxy, string ConnectionString) For(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new TcpProxy(settings.Port);
        settings.Port = proxy.Port;
        settings.Timeout = 2;
        return (proxy, settings.ConnectionString);
    }

    /// <summary>Drops every connection and refuses new ones, as if the server went away.</summary>
    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_cut)
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            await Task.WhenAny(clientStream.CopyToAsync(serverStream), serverStream.CopyToAsync(clientStream));
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // A cut connection ends here, which is the point.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
