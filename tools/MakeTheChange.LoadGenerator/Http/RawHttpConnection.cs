using System.Net;
using System.Net.Sockets;

namespace MakeTheChange.LoadGenerator.Http;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends ready-made request bytes and reads back only the
/// status code. HttpClient would spend several times more CPU per request on the same two cores as
/// the servers under test, and that CPU would be taken from them.
/// </summary>
internal sealed class RawHttpConnection(IPEndPoint endpoint) : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Socket? _socket;
    private int _start;
    private int _end;

    /// <summary>Sends the request and returns the status code; a broken connection throws and is reopened on the next call.</summary>
    public async ValueTask<int> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        try
        {
            _socket ??= await ConnectAsync(cancellationToken);
            await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
            return await ReadResponseAsync(cancellationToken);
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Dispose() => Close();

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint, cancellationToken);
        _start = _end = 0;
        return socket;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private async ValueTask<int> ReadResponseAsync(CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }

        var head = System.Text.Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var closes = false;
        long contentLength = 0;
        var chunked = false;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
            else if (line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && line.Contains("close", StringComparison.OrdinalIgnoreCase))
            {
                closes = true;
            }
        }

        _start = headerEnd + 4;
        if (chunked)
        {
            await SkipChunksAsync(cancellationToken);
        }
        else
        {
            await SkipAsync(contentLength, cancellationToken);
        }

        if (closes)
        {
            Close();
        }

        return status;
    }

    private async ValueTask SkipChunksAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf("\r\n"u8)) < 0)
            {
                await FillAsync(cancellationToken);
            }

            var sizeText = System.Text.Encoding.ASCII.GetString(_buffer, _start, lineEnd - _start).Split(';')[0];
            var size = long.Parse(sizeText, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            _start = lineEnd + 2;

            // Each chunk ends with CRLF; the last (size 0) is followed by the trailer's empty line.
            await SkipAsync(size + 2, cancellationToken);
            if (size == 0)
            {
                return;
            }
        }
    }

    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken);
            }

            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _end += read;
    }

    private int IndexOf(ReadOnlySpan<byte> value)
    {
        var index = _buffer.AsSpan(_start, _end - _start).IndexOf(value);
        return index < 0 ? -1 : _start + index;
    }
}
