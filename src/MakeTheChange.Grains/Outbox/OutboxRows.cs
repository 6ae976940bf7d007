using System.Text;
using System.Text.Json;

namespace MakeTheChange.Grains.Outbox;

/// <summary>
/// The shape of an outbox row's <c>messages</c>: a JSON array of <c>{"key": ..., "payload": ...}</c>,
/// one row per topic for everything one transaction publishes.
/// </summary>
internal static class OutboxRows
{
    /// <summary>The rows to insert for <paramref name="messages"/>: one per topic, in the order topics first appear.</summary>
    public static List<(string Topic, string MessagesJson)> Pack(IEnumerable<OutboxMessage> messages) =>
        [.. messages
            .GroupBy(message => message.Topic, StringComparer.Ordinal)
            .Select(topic => (topic.Key, Array(topic.Select(message => (message.Key, message.PayloadJson)))))];

    /// <summary>The keys and JSON payloads of a <c>messages</c> array, in order.</summary>
    public static List<(string Key, string PayloadJson)> Unpack(string messagesJson)
    {
        using var document = JsonDocument.Parse(messagesJson);
        var messages = new List<(string, string)>(document.RootElement.GetArrayLength());
        foreach (var message in document.RootElement.EnumerateArray())
        {
            messages.Add((message.GetProperty("key").GetString()!, message.GetProperty("payload").GetRawText()));
        }

        return messages;
    }

    /// <summary>A <c>messages</c> array of these keys and JSON payloads.</summary>
    public static string Array(IEnumerable<(string Key, string PayloadJson)> messages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (key, payload) in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("key", key);
                writer.WritePropertyName("payload");

                // Payloads were written by System.Text.Json when the grain published them.
                writer.WriteRawValue(payload, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
