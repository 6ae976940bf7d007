using System.Globalization;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// One POS vendor's share of the storm: till sale → hub level per line, split into ring → the hub stored the
/// sale's first webhook (<see cref="Notice"/>) and that → the line's ledger row (<see cref="Apply"/>); the
/// webhooks its simulator sent, the requests the hub made of its API, and the worst backlog of the connection's inbox.
/// </summary>
internal sealed record VendorFigures(
    string Vendor,
    int SalesMeasured,
    TillLatency Latency,
    TillLatency Notice,
    TillLatency Apply,
    WebhookTally Webhooks,
    long ApiRequests,
    long MostPendingEvents,
    double MostEventLagSeconds,
    HubConnections.Health Health)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Vendor} {Latency} (ring → webhook stored {Notice.P50:0}/{Notice.P99:0} ms p50/p99, stored → level {Apply.P50:0}/{Apply.P99:0} ms); " +
        $"{Webhooks.Attempts} webhooks sent, {Webhooks.Delivered} answered 2xx, {Webhooks.Refused} refused, {Webhooks.Unanswered} unanswered, {Webhooks.Retries} retries; {ApiRequests} API requests by the hub; " +
        $"inbox at worst {MostPendingEvents} events pending, oldest {MostEventLagSeconds:0.0} s");
}
