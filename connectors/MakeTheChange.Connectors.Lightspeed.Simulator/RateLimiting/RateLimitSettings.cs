namespace MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;

/// <summary>The rate budget: <see cref="Limit"/> /api requests per sliding window of <see cref="WindowSeconds"/> (<c>PUT /simulator/ratelimit</c>).</summary>
public sealed record RateLimitSettings
{
    /// <summary>X-Series' window: 5 minutes (x-series-api.lightspeedhq.com/docs/rate_limiting).</summary>
    public const int DefaultWindowSeconds = 300;

    public required int Limit { get; init; }

    public int WindowSeconds { get; init; } = DefaultWindowSeconds;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>X-Series' budget: 300 × registers + 50 requests per 5 minutes (pos-apis.md §2.1).</summary>
    public static RateLimitSettings Default(int registers) => new() { Limit = (300 * registers) + 50 };
}
