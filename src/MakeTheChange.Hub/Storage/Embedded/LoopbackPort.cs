using System.Net;
using System.Net.Sockets;

namespace MakeTheChange.Hub.Storage.Embedded;

internal static class LoopbackPort
{
    public static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            // Binding is the only reliable test: the server would fail on this port the same way.
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    public static int PickFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
