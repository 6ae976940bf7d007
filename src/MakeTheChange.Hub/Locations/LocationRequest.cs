namespace MakeTheChange.Hub.Locations;

/// <summary>Body of <c>PUT /api/locations/{locationId}</c>.</summary>
public sealed record LocationRequest(string? Name, string? Kind, bool? ClickAndCollect);
