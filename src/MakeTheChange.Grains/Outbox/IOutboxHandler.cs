using Npgsql;

namespace MakeTheChange.Grains.Outbox;

/// <summary>
/// Reacts to outbox messages after their transaction committed. What a handler writes through
/// <paramref name="transaction"/> commits together with the messages being marked as dispatched, so a
/// handler that only writes to the database runs once per message, unless another handler of the same
/// message failed: the message is then handed out again, so every handler must tolerate a repeat.
/// </summary>
public interface IOutboxHandler
{
    bool CanHandle(string topic);

    /// <summary>Handles messages of its topics, oldest first; they come in batches to keep a busy outbox cheap.</summary>
    Task HandleAsync(IReadOnlyList<OutboxEnvelope> messages, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
