namespace MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

/// <summary>Whether a request fits the budget; if not, when the window next frees a request.</summary>
internal sealed record RateLimitDecision(bool Admitted, int Limit, int Remaining, DateTimeOffset? RetryAt);
