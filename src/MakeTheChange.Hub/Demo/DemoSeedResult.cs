namespace MakeTheChange.Hub.Demo;

internal sealed record DemoSeedResult(int Locations, int Products, int Movements);
