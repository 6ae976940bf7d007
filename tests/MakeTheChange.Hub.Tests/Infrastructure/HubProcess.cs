using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace MakeTheChange.Hub.Tests.Infrastructure;

/// <summary>
/// The hub as its own operating-system process (the built MakeTheChange.Hub.Host), for what only a
/// real process shows: being killed at any moment, or running beside another node.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HubProcess(Process process, Uri baseAddress)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHub.AdminKey);
    }

    public HttpClient Client { get; }

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

    public static async Task<HubProcess> StartAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var host = Path.Combine(AppContext.BaseDirectory, "MakeTheChange.Hub.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { host, "--urls", $"http://127.0.0.1:{port}" },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ConnectionStrings__Hub"] = connectionString,
                ["Hub__AdminApiKey"] = TestHub.AdminKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => hub.Append(line.Data);
        process.ErrorDataReceived += (_, line) => hub.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await hub.WaitUntilReadyAsync();
        return hub;
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever was in flight.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
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

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub process exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await Client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The hub process did not become ready:\n{Output}");
    }
}
