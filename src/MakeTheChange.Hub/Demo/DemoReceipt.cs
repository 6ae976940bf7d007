namespace MakeTheChange.Hub.Demo;

internal sealed record DemoReceipt(string Sku, string LocationId, int Quantity, string? Lot, DateOnly? BestBefore);
