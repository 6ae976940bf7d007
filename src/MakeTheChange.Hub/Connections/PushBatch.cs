namespace MakeTheChange.Hub.Connections;

/// <summary>
/// Changes sent to a POS in one request. <see cref="Key"/> and <see cref="FormedAt"/> are fixed when the
/// batch is first tried, so every retry sends the same request (and the POS's idempotency holds).
/// <see cref="Attempts"/> counts this try.
/// </summary>
public sealed record PushBatch(string Key, DateTimeOffset FormedAt, int Attempts, IReadOnlyList<PendingPush> Pushes);
