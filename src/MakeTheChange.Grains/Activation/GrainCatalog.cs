using System.Collections.Concurrent;
using MakeTheChange.Grains.Diagnostics;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Grains.Activation;

/// <summary>The live activations of this node, one per grain id.</summary>
internal sealed class GrainCatalog
{
    private readonly ConcurrentDictionary<GrainId, IGrainActivation> _activations = new();
    private readonly GrainMetrics _metrics;
    private readonly int _maxActivations;
    private int _count;

    public GrainCatalog(GrainMetrics metrics, IOptions<GrainRuntimeOptions> options)
    {
        _metrics = metrics;
        _maxActivations = options.Value.MaxActivations;
        metrics.ObserveActivations(() => Volatile.Read(ref _count));
    }

    /// <summary>Released when an activation is added past the cap, so the collector runs at once.</summary>
    public WakeSignal OverCapacity { get; } = new();

    // ConcurrentDictionary.Count takes every bucket lock: too dear for a hot path over a million entries.
    public int Count => Volatile.Read(ref _count);

    public TActivation GetOrAdd<TActivation>(GrainId id, Func<GrainId, TActivation> create)
        where TActivation : class, IGrainActivation
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return (TActivation)existing;
        }

        var created = create(id);
        var stored = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(stored, created))
        {
            _metrics.ActivationCreated();
            if (Interlocked.Increment(ref _count) > _maxActivations)
            {
                OverCapacity.Wake();
            }
        }

        return (TActivation)stored;
    }

    public bool TryRemove(IGrainActivation activation)
    {
        if (!_activations.TryRemove(KeyValuePair.Create(activation.Id, activation)))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        _metrics.ActivationCollected();
        return true;
    }

    public void Invalidate(GrainId id, long version)
    {
        if (_activations.TryGetValue(id, out var activation))
        {
            activation.Invalidate(version);
        }
    }

    public void InvalidateAll()
    {
        foreach (var activation in _activations.Values)
        {
            activation.RequestReload();
        }
    }

    public IEnumerable<IGrainActivation> Activations => _activations.Values;
}
