using System.Diagnostics.Metrics;

namespace MakeTheChange.Grains.Diagnostics;

/// <summary>The runtime's OpenTelemetry-compatible meter: activations, batch sizes, commit latency.</summary>
internal sealed class GrainMetrics
{
    public const string MeterName = "MakeTheChange.Grains";

    private readonly Meter _meter;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsCollected;
    private readonly Histogram<int> _callsPerWrite;
    private readonly Histogram<int> _activationsPerRead;
    private readonly Histogram<int> _writesPerTransaction;
    private readonly Histogram<double> _transactionDuration;

    public GrainMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _activationsCreated = _meter.CreateCounter<long>("hub.grains.activations.created", description: "Grain activations created.");
        _activationsCollected = _meter.CreateCounter<long>("hub.grains.activations.collected", description: "Grain activations collected.");
        _callsPerWrite = _meter.CreateHistogram<int>("hub.grains.calls_per_turn", description: "Queued calls of one grain run and persisted together.");
        _activationsPerRead = _meter.CreateHistogram<int>("hub.storage.activations_per_read", description: "Activations of one grain type loading their state in one read.");
        _writesPerTransaction = _meter.CreateHistogram<int>("hub.storage.writes_per_transaction", description: "Grain writes sharing one PostgreSQL transaction.");
        _transactionDuration = _meter.CreateHistogram<double>("hub.storage.transaction.duration", unit: "ms", description: "Time from the first statement to the commit of a write transaction.");
    }

    public void ObserveActivations(Func<int> count) =>
        _meter.CreateObservableGauge("hub.grains.activations", count, description: "Live grain activations on this node.");

    public void ActivationCreated() => _activationsCreated.Add(1);

    public void ActivationCollected() => _activationsCollected.Add(1);

    public void CallsPersistedTogether(int calls) => _callsPerWrite.Record(calls);

    public void ActivationsReadTogether(int activations) => _activationsPerRead.Record(activations);

    public void TransactionEnded(string outcome, int writes, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _writesPerTransaction.Record(writes, tag);
        _transactionDuration.Record(duration.TotalMilliseconds, tag);
    }
}
