namespace MakeTheChange.Hub.Connections;

/// <summary>
/// How a connection is doing: when it last heard from the POS and pushed to it, how far behind it is
/// (the oldest change still to push, the oldest event still to process, in seconds), and what waits
/// for an admin.
/// </summary>
public sealed record ConnectionHealth(
    DateTimeOffset? LastEventAt,
    DateTimeOffset? LastPushAt,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? LastReconciledAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long PendingPushes,
    double? PushLagSeconds,
    long PendingEvents,
    double? EventLagSeconds,
    long Parked);
