namespace MakeTheChange.Hub.Locations;

public sealed record LocationList(IReadOnlyList<LocationResponse> Items);
