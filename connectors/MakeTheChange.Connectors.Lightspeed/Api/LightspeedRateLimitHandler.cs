using System.Net;

namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>
/// Sends each request to Lightspeed only within the store's budget. A 429 (the store's other apps and
/// tills share its limits) holds the store until its Retry-After, then the request goes again. It sits
/// outside the resilience handler, so the wait is not counted in an attempt's timeout; the few retries
/// that handler makes after a 5xx or a refused connection do not take a turn.
/// </summary>
internal sealed class LightspeedRateLimitHandler(LightspeedRateGovernor governor, LightspeedConnectorOptions options, TimeProvider clock) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<RateBudget> Budget = new("lightspeed.budget");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var store = request.RequestUri!.Authority;
        var budget = request.Options.TryGetValue(Budget, out var configured) ? configured : new RateBudget(350, TimeSpan.FromMinutes(5));
        for (var waits = 0; ; waits++)
        {
            var slot = await governor.WaitTurnAsync(store, budget, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                governor.Answered(slot);
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests || waits >= options.MaxRateLimitWaits)
            {
                return response;
            }

            // Retry-After is an HTTP date here, not seconds (pos-apis.md §2.1).
            var until = response.Headers.RetryAfter?.Date
                ?? clock.GetUtcNow() + (response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            governor.HoldUntil(store, until);
            response.Dispose();
        }
    }
}
