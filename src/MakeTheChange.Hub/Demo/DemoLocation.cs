namespace MakeTheChange.Hub.Demo;

internal sealed record DemoLocation(string LocationId, string Name, string Kind, bool ClickAndCollect);
