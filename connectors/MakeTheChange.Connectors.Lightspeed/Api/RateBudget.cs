namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>At most <see cref="Requests"/> requests in any <see cref="Window"/>.</summary>
internal sealed record RateBudget(int Requests, TimeSpan Window);
