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
public sealed class PosResilienceHandler(ResiliencePipelineRegistry<string> pipelines, string name, PosResilienceOptions options, bool retryRateLimited)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetOrAddPipeline<HttpResponseMessage>($"{name}:{request.RequestUri!.Authority}", Configure);
        return await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => (retryRateLimited && response.StatusCode == HttpStatusCode.TooManyRequests) || (int)response.StatusCode >= 500),
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
