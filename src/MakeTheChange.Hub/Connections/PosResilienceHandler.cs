using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Calls to a vendor's API: retries with jittered exponential backoff on 5xx, no answer or a timeout
/// (and on 429 when the vendor publishes no budget to stay under), a timeout per attempt, and a circuit
/// breaker per host so that an outage is not hammered. What still fails reaches the caller, which keeps
/// its work (the push queue, the inbox) for later. Microsoft.Extensions.Http.Resilience cannot be
/// restored here (../shared/docs/packages.md): this is its core, on Polly.Core.
/// </summary>
/// <remarks>
/// A request that timed out, lost its connection midway or got a 5xx other than 503 may have been
/// applied. It is retried only when <c>isIdempotent</c> says sending it twice is harmless (a GET, or a
/// write carrying an idempotency key); otherwise the failure reaches the caller, who must treat the
/// outcome as unknown.
/// </remarks>
public sealed class PosResilienceHandler(
    ResiliencePipelineRegistry<string> pipelines,
    string name,
    PosResilienceOptions options,
    bool retryRateLimited,
    Func<HttpRequestMessage, bool> isIdempotent) : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<bool> Idempotent = new("pos.idempotent");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetOrAddPipeline<HttpResponseMessage>($"{name}:{request.RequestUri!.Authority}", Configure);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Idempotent, isIdempotent(request));
        try
        {
            return await pipeline.ExecuteAsync(
                static async (context, state) => await state.Handler.SendBaseAsync(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendBaseAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = arguments => new ValueTask<bool>(arguments.Outcome switch
                {
                    // A connection that was never made sent nothing; any other break may have come after the request went out.
                    { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
                    { Exception: HttpRequestException or TimeoutRejectedException } => arguments.Context.Properties.GetValue(Idempotent, false),
                    // 503 and 429 say the request was turned away; another 5xx may come after it was applied.
                    { Result: { StatusCode: HttpStatusCode.ServiceUnavailable } } => true,
                    { Result: { StatusCode: HttpStatusCode.TooManyRequests } } => retryRateLimited,
                    { Result: { } response } => (int)response.StatusCode >= 500 && arguments.Context.Properties.GetValue(Idempotent, false),
                    _ => false,
                }),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = static arguments => new ValueTask<TimeSpan?>(arguments.Outcome.Result?.Headers.RetryAfter?.Delta),
                OnRetry = static arguments =>
                {
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => (int)response.StatusCode >= 500),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.CircuitBreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }
}
