using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Square;

/// <summary>
/// Tuning of the Square connector (configuration section <c>Hub:Square</c>). Square publishes no rate
/// limits and recommends exponential backoff with jitter on 429 (pos-apis.md §1.1), so 429s are retried.
/// </summary>
public sealed class SquareConnectorOptions : PosResilienceOptions
{
    /// <summary>How far back a poll looks again past its cursor, for changes recorded a little late.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Webhooks make the connector read the change feed at most this often per connection: every till sale
    /// sends an inventory.count.updated, and each read takes in the last <see cref="PollOverlap"/> again.
    /// Notices that arrive in between wait for the next read, which covers them all.
    /// </summary>
    public TimeSpan ChangeFeedReadInterval { get; set; } = TimeSpan.FromSeconds(1);
}
