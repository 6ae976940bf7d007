using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MakeTheChange.LoadGenerator.Servers;

/// <summary>A server under test as its own process (its CPU and memory are read from /proc by pid).</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, IPEndPoint endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        Client = new HttpClient { BaseAddress = new Uri($"http://{endpoint}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public IPEndPoint Endpoint { get; }

    public HttpClient Client { get; }

    public int Pid => _process.Id;

    /// <summary>From the process start to the first successful readiness answer.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string assembly, IDictionary<string, string> environment, string apiKey, string readinessPath)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort());
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "--urls", $"http://{endpoint}" },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        var server = new ServerProcess(Process.Start(start)!, endpoint);
        server.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        server._process.OutputDataReceived += (_, line) => server.Append(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync(readinessPath);
        server.StartupTime = stopwatch.Elapsed;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(string readinessPath)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await Client.GetAsync(new Uri(readinessPath, UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The server did not become ready:\n{Output}");
    }
}
