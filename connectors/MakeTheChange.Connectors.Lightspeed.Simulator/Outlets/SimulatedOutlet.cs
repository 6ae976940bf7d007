using MakeTheChange.Connectors.Lightspeed.Simulator.State;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;

/// <summary>An outlet set up through the control API, with the one register its till sales are rung on.</summary>
internal sealed record SimulatedOutlet(string Id, string Name, string RegisterId, long Version)
{
    public Outlet ToWire() => new(Id, Name, SimulatorState.TimeZone, SimulatorState.Currency, Version, DeletedAt: null);
}
