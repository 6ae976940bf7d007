namespace MakeTheChange.Hub.Locations;

/// <summary>A store, a warehouse or a partner's stock point.</summary>
public sealed record Location(string LocationId, string Name, string Kind, bool ClickAndCollect, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
