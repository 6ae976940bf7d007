using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Grains.Activation;

/// <summary>
/// Collects activations idle for longer than the idle timeout, and the least recently used ones
/// when the node holds more than its cap, so memory stays bounded over millions of grains.
/// </summary>
internal sealed class ActivationCollector(GrainCatalog catalog, IOptions<GrainRuntimeOptions> options) : BackgroundService
{
    private readonly GrainRuntimeOptions _options = options.Value;

    /// <summary>Collects once: the idle ones, then the oldest while over the cap.</summary>
    public int Collect()
    {
        var collected = 0;
        var idleSince = Environment.TickCount64 - (long)_options.IdleTimeout.TotalMilliseconds;
        foreach (var activation in catalog.Activations)
        {
            if (activation.LastUsed < idleSince && activation.TryDeactivate() && catalog.TryRemove(activation))
            {
                collected++;
            }
        }

        if (catalog.Count <= _options.MaxActivations)
        {
            return collected;
        }

        // Down to 90 % of the cap, so that a node at its cap does not collect on every new activation.
        var target = _options.MaxActivations - (_options.MaxActivations / 10);
        var byAge = catalog.Activations.Select(activation => (activation, activation.LastUsed)).ToList();
        byAge.Sort(static (a, b) => a.LastUsed.CompareTo(b.LastUsed));
        foreach (var (activation, _) in byAge)
        {
            if (catalog.Count <= target)
            {
                break;
            }

            if (activation.TryDeactivate() && catalog.TryRemove(activation))
            {
                collected++;
            }
        }

        return collected;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await catalog.OverCapacity.WaitAsync(_options.CollectionInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Collect();
        }
    }
}
