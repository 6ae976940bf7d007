using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using MakeTheChange.LoadGenerator.Http;

namespace MakeTheChange.LoadGenerator.Load;

/// <summary>
/// Drives a workload against the nodes of a server for a warm-up and then a measured window. Only
/// requests that started and ended inside the window are counted; the callbacks at both edges of the
/// window take the CPU samples.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        IReadOnlyList<IPEndPoint> nodes,
        IWorkload workload,
        LoadModel model,
        TimeSpan warmup,
        TimeSpan duration,
        Action windowStarts,
        Action windowEnds)
    {
        var window = new Window();
        var arrivals = model.IsOpen ? Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true }) : null;
        var clients = Enumerable.Range(0, model.Clients).Select(index => new Client(index, nodes, workload, window)).ToList();
        var running = clients.Select(client => Task.Run(() => client.RunAsync(arrivals?.Reader))).ToList();
        var arriving = arrivals is null ? Task.CompletedTask : Task.Run(() => ArriveAsync(arrivals.Writer, model.Rate!.Value, window));

        await Task.Delay(warmup);
        windowStarts();
        var started = Stopwatch.GetTimestamp();
        window.Start = started;
        await Task.Delay(duration);
        var ended = Stopwatch.GetTimestamp();
        window.End = ended;
        windowEnds();
        window.Stopping = true;
        await arriving;
        await Task.WhenAll(running);

        var elapsed = Stopwatch.GetElapsedTime(started, ended);
        var byKind = new Dictionary<OperationKind, KindResult>();
        foreach (var kind in Enum.GetValues<OperationKind>())
        {
            var latencies = clients.SelectMany(client => client.Latencies(kind)).ToList();
            var (successes, refused, errors) = (clients.Sum(c => c.Count(kind, Outcome.Success)), clients.Sum(c => c.Count(kind, Outcome.Refused)), clients.Sum(c => c.Count(kind, Outcome.Error)));
            if (successes + refused + errors > 0)
            {
                byKind[kind] = new KindResult(successes, refused, errors, LatencySummary.Of(latencies));
            }
        }

        return new LoadResult(elapsed, byKind, LatencySummary.Of([.. clients.SelectMany(client => Enum.GetValues<OperationKind>().SelectMany(client.Latencies))]));
    }

    private static async Task ArriveAsync(ChannelWriter<long> arrivals, double rate, Window window)
    {
        var start = Stopwatch.GetTimestamp();
        var interval = Stopwatch.Frequency / rate;
        long sent = 0;
        while (!window.Stopping)
        {
            var now = Stopwatch.GetTimestamp();
            var due = (long)((now - start) / interval);
            for (; sent < due; sent++)
            {
                arrivals.TryWrite(start + (long)(sent * interval));
            }

            await Task.Delay(1);
        }

        arrivals.Complete();
    }

    private sealed class Window
    {
        private long _start = long.MaxValue;
        private long _end = long.MaxValue;
        private volatile bool _stopping;

        public long Start { get => Volatile.Read(ref _start); set => Volatile.Write(ref _start, value); }

        public long End { get => Volatile.Read(ref _end); set => Volatile.Write(ref _end, value); }

        public bool Stopping { get => _stopping; set => _stopping = value; }

        public bool Contains(long from, long to) => from >= Start && to <= End;
    }

    private sealed class Client(int index, IReadOnlyList<IPEndPoint> nodes, IWorkload workload, Window window)
    {
        private readonly Random _random = new(index);
        private readonly RawHttpConnection[] _connections = [.. nodes.Select(node => new RawHttpConnection(node))];
        private readonly List<long>[] _latencies = [.. Enum.GetValues<OperationKind>().Select(_ => new List<long>(1024))];
        private readonly long[,] _counts = new long[Enum.GetValues<OperationKind>().Length, Enum.GetValues<Outcome>().Length];

        public IEnumerable<long> Latencies(OperationKind kind) => _latencies[(int)kind];

        public long Count(OperationKind kind, Outcome outcome) => _counts[(int)kind, (int)outcome];

        public async Task RunAsync(ChannelReader<long>? arrivals)
        {
            try
            {
                if (arrivals is null)
                {
                    while (!window.Stopping)
                    {
                        await SendAsync(Stopwatch.GetTimestamp());
                    }

                    return;
                }

                while (!window.Stopping && await arrivals.WaitToReadAsync())
                {
                    while (!window.Stopping && arrivals.TryRead(out var intended))
                    {
                        await SendAsync(intended);
                    }
                }
            }
            finally
            {
                foreach (var connection in _connections)
                {
                    connection.Dispose();
                }
            }
        }

        private async Task SendAsync(long intended)
        {
            var operation = workload.Next(_random);
            int status;
            try
            {
                status = await _connections[operation.Node].SendAsync(operation.Request, CancellationToken.None);
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
            {
                status = 0;
            }

            var outcome = workload.Answered(operation, status);
            var answered = Stopwatch.GetTimestamp();
            if (window.Contains(intended, answered))
            {
                _latencies[(int)operation.Kind].Add(answered - intended);
                _counts[(int)operation.Kind, (int)outcome]++;
            }
            else if (status == 0)
            {
                // Out of the window, a broken connection is still worth a pause before reconnecting.
                await Task.Delay(10);
            }
        }
    }
}
