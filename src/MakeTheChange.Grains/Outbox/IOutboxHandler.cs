using Npgsql;

namespace MakeTheChange.Grains.Outbox;

/// <summary>
/// Reacts to outbox messages after their transaction committed. What a handler writes through
/// <paramref name="transaction"/> commits together with the message being marked as dispatched, so a
/// handler that only writes to the database runs exactly once per message.
/// </summary>
public interface IOutboxHandler
{
    bool CanHandle(string topic);

    Task HandleAsync(OutboxEnvelope message, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
