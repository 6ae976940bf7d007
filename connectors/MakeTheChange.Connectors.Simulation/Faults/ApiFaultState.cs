namespace MakeTheChange.Connectors.Simulation.Faults;

/// <summary>
/// The faults in force on a simulated vendor API and its request counters. A vendor's fault state derives
/// from it and decides, its vendor's way, how each request is answered. Not thread-safe: used under the simulator's lock.
/// </summary>
/// <typeparam name="TFaults">The vendor's fault switches (<c>PUT /simulator/faults</c>).</typeparam>
public abstract class ApiFaultState<TFaults>
    where TFaults : class, new()
{
    public TFaults Faults { get; private set; } = new();

    protected ApiRequestCounters Counters { get; } = new();

    /// <summary>Puts <paramref name="faults"/> in force; "every n-th request" counts from now.</summary>
    public void Set(TFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        Faults = faults;
        Counters.RestartFaultCount();
    }
}
