using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Hub.Telemetry;

/// <summary>The hub's own figures (grain activations, batch sizes, commit latency), without a collector.</summary>
public static class MetricsEndpoints
{
    public static RouteGroupBuilder MapMetricsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/metrics").WithTags("Metrics");
        group.MapGet("/", Get)
            .WithSummary("Counter totals, histogram summaries since start, gauge values now; buckets=true adds histogram buckets");
        return group;
    }

    private static Ok<MetricsSnapshotResponse> Get(bool? buckets, HubMetricsSnapshot metrics) =>
        TypedResults.Ok(metrics.Read(buckets ?? false));
}
