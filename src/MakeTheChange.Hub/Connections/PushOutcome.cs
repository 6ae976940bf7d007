namespace MakeTheChange.Hub.Connections;

/// <summary>What became of one push: sent, or parked with why (an admin sees it; it is not retried).</summary>
public sealed record PushOutcome(long PushId, string? ParkedBecause = null)
{
    public static PushOutcome Pushed(long pushId) => new(pushId);

    public static PushOutcome Parked(long pushId, string reason) => new(pushId, reason);
}
