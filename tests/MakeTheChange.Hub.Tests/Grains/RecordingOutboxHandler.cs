using System.Collections.Concurrent;
using MakeTheChange.Grains.Outbox;
using Npgsql;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>
/// Records the messages it handles in <c>test_outbox_handled</c>, through the dispatcher's transaction, so
/// that only what it handled for good is there; fails on purpose for the keys in <see cref="FailingKeys"/>.
/// </summary>
internal sealed class RecordingOutboxHandler : IOutboxHandler
{
    public const string Topic = "test.counted";

    public const string Schema =
        """
        CREATE TABLE IF NOT EXISTS test_outbox_handled (message_key text NOT NULL, payload jsonb NOT NULL, handled_at timestamptz NOT NULL DEFAULT clock_timestamp());
        """;

    public ConcurrentDictionary<string, bool> FailingKeys { get; } = new(StringComparer.Ordinal);

    public bool CanHandle(string topic) => topic == Topic;

    public async Task HandleAsync(IReadOnlyList<OutboxEnvelope> messages, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (FailingKeys.ContainsKey(message.Key))
            {
                throw new InvalidOperationException($"{message.Key} cannot be handled yet.");
            }

            await using var command = new NpgsqlCommand("INSERT INTO test_outbox_handled (message_key, payload) VALUES ($1, $2::jsonb)", transaction.Connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Key });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.PayloadJson });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
