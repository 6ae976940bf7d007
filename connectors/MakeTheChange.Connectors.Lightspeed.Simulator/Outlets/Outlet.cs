namespace MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;

/// <summary>An outlet as <c>GET /api/2.0/outlets</c> returns it (pos-apis.md §2.2), trimmed to what the hub reads.</summary>
internal sealed record Outlet(string Id, string Name, string TimeZone, string Currency, long Version, string? DeletedAt);
