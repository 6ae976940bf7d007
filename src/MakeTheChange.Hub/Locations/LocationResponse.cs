namespace MakeTheChange.Hub.Locations;

public sealed record LocationResponse(string LocationId, string Name, string Kind, bool ClickAndCollect, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LocationResponse Of(Location location) =>
        new(location.LocationId, location.Name, location.Kind, location.ClickAndCollect, location.CreatedAt, location.UpdatedAt);
}
