using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MakeTheChange.Connectors.Lightspeed.Outbound;

/// <summary>
/// What a failed Lightspeed write means for the changes it carried. Lightspeed's writes have no
/// idempotency key (pos-apis.md §2.5), so a write is sent again only when it surely did not land.
/// </summary>
internal static class LightspeedWriteFailure
{
    /// <summary>
    /// True when the write never reached Lightspeed or was turned away (open circuit, no connection,
    /// 503, 429): it may be sent again. False when it may have been applied (a timeout, a connection
    /// lost midway, another 5xx).
    /// </summary>
    public static bool SurelyNotApplied(Exception failure) => failure switch
    {
        BrokenCircuitException or IsolatedCircuitException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => true,
        HttpRequestException { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests } => true,
        _ => false,
    };

    /// <summary>The failures a write can end with besides a refusal (those are <see cref="Api.LightspeedApiException"/>).</summary>
    public static bool IsTransportFailure(Exception failure, CancellationToken cancellationToken) =>
        failure is HttpRequestException or BrokenCircuitException or IsolatedCircuitException or TimeoutRejectedException
        || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
