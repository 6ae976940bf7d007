using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace MakeTheChange.Connectors.Square.Api;

/// <summary>
/// Square publishes no rate limits and recommends exponential backoff with jitter on 429 and 5xx
/// (pos-apis.md §1.1): retries with jitter, a per-attempt timeout, and a circuit breaker per Square
/// host so that an outage is not hammered. What still fails reaches the caller, which keeps its work
/// (the push queue, the inbox) for later.
/// </summary>
internal sealed class SquareResilienceHandler(ResiliencePipelineRegistry<string> pipelines, SquareConnectorOptions options) : DelegatingHandler
{
    public const string PipelineName = "square";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SquareConnectorOptions options)
    {
        pipeline
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = static arguments =>
                    new ValueTask<TimeSpan?>(arguments.Outcome.Result?.Headers.RetryAfter?.Delta),
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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetOrAddPipeline<HttpResponseMessage>(
            $"{PipelineName}:{request.RequestUri!.Authority}",
            builder => Configure(builder, options));
        return await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }
}
