using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Numerics;
using Microsoft.Extensions.Hosting;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>
/// Keeps the hub's own instruments (meters named <c>MakeTheChange.*</c>) in memory, whatever is exported:
/// counter totals, histogram count, sum, min, max and buckets, last gauge values, per tag set, since the
/// hub started. <c>GET /api/metrics</c> reads it, so a load generator can compare the hub before and
/// after a run without running a collector.
/// </summary>
public sealed class HubMetricsSnapshot : IHostedService, IDisposable
{
    public const string MeterPrefix = "MakeTheChange.";

    private readonly IMeterFactory _meterFactory;
    private readonly TimeProvider _clock;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> _instruments = new();
    private readonly Lock _reading = new();

    public HubMetricsSnapshot(IMeterFactory meterFactory, TimeProvider clock)
    {
        _meterFactory = meterFactory;
        _clock = clock;
        _listener.InstrumentPublished = Publish;
        _listener.SetMeasurementEventCallback<byte>(Record);
        _listener.SetMeasurementEventCallback<short>(Record);
        _listener.SetMeasurementEventCallback<int>(Record);
        _listener.SetMeasurementEventCallback<long>(Record);
        _listener.SetMeasurementEventCallback<float>(Record);
        _listener.SetMeasurementEventCallback<double>(Record);
        _listener.SetMeasurementEventCallback<decimal>(Record);
    }

    /// <summary>Listens from before the grain runtime starts (it is registered ahead of it).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    /// <summary>Keeps the figures: a snapshot read while the hub stops still shows them.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every instrument now; observable gauges are asked for their value first.</summary>
    public MetricsSnapshotResponse Read(bool withBuckets)
    {
        lock (_reading)
        {
            _listener.RecordObservableInstruments();
            var readings = _instruments.Values
                .OrderBy(aggregate => aggregate.Instrument.Meter.Name, StringComparer.Ordinal)
                .ThenBy(aggregate => aggregate.Instrument.Name, StringComparer.Ordinal)
                .SelectMany(aggregate => aggregate.Read(withBuckets))
                .ToList();
            return new MetricsSnapshotResponse(_clock.GetUtcNow(), readings);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Record<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, INumberBase<T> =>
        ((InstrumentAggregate)state!).Record(double.CreateTruncating(measurement), tags);

    private void Publish(Instrument instrument, MeterListener listener)
    {
        // Only this hub's meters: a meter from an IMeterFactory carries it as its scope, and a test
        // process runs several hubs whose runtimes all name their meter MakeTheChange.Grains.
        if (!instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal)
            || (instrument.Meter.Scope is not null && !ReferenceEquals(instrument.Meter.Scope, _meterFactory))
            || InstrumentAggregate.For(instrument) is not { } aggregate)
        {
            return;
        }

        _instruments[instrument] = aggregate;
        listener.EnableMeasurementEvents(instrument, aggregate);
    }
}
