namespace MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

/// <summary>X-Series ids are UUIDs, written in lowercase with hyphens.</summary>
internal static class LightspeedIds
{
    public static string NewId() => Guid.NewGuid().ToString("D");

    /// <summary>The canonical form of a UUID written any way <see cref="Guid.TryParse(string?, out Guid)"/> accepts; null when it is none.</summary>
    public static string? Canonical(string? id) =>
        Guid.TryParse(id, out var parsed) ? parsed.ToString("D") : null;
}
