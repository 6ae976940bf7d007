namespace MakeTheChange.Hub.Connections;

public sealed record ParkedEventList(IReadOnlyList<ParkedEventResponse> Items);
