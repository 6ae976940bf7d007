using System.Globalization;
using System.Text;
using MakeTheChange.Grains.Persistence;

namespace MakeTheChange.Grains.Cluster;

/// <summary>
/// The NOTIFY payloads hub nodes exchange on one channel. Grain ids never hold whitespace or '|',
/// which is what makes tabs, newlines and bars safe separators.
/// </summary>
internal static class ClusterMessages
{
    public const string Channel = "mtc_hub";

    // PostgreSQL refuses payloads of 8000 bytes or more (https://www.postgresql.org/docs/15/sql-notify.html).
    private const int MaxPayloadBytes = 7_900;

    /// <summary>"w|node|type\tkey\tversion\n...": grains this node just committed, in as few payloads as fit.</summary>
    public static List<string> Writes(string nodeId, IEnumerable<GrainWrite> writes)
    {
        var payloads = new List<string>();
        var prefix = $"w|{nodeId}|";
        var prefixBytes = Encoding.UTF8.GetByteCount(prefix);
        var current = new StringBuilder(prefix);
        var currentBytes = prefixBytes;
        foreach (var write in writes)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{write.Id.Type}\t{write.Id.Key}\t{write.NewVersion}\n");
            var lineBytes = Encoding.UTF8.GetByteCount(line);
            if (currentBytes > prefixBytes && currentBytes + lineBytes > MaxPayloadBytes)
            {
                payloads.Add(current.ToString());
                current.Clear().Append(prefix);
                currentBytes = prefixBytes;
            }

            current.Append(line);
            currentBytes += lineBytes;
        }

        if (currentBytes > prefixBytes)
        {
            payloads.Add(current.ToString());
        }

        return payloads;
    }

    public static string Hello(string nodeId) => $"h|{nodeId}";

    public static string Barrier(string nodeId, long round) => string.Create(CultureInfo.InvariantCulture, $"b|{nodeId}|{round}");

    public static string OutboxWritten(string nodeId) => $"o|{nodeId}";

    /// <summary>Splits a payload into its kind, sending node and body.</summary>
    public static bool TryParse(string payload, out char kind, out string nodeId, out string body)
    {
        kind = default;
        nodeId = body = string.Empty;
        if (payload.Length < 3 || payload[1] != '|')
        {
            return false;
        }

        kind = payload[0];
        var nodeEnd = payload.IndexOf('|', 2);
        nodeId = nodeEnd < 0 ? payload[2..] : payload[2..nodeEnd];
        body = nodeEnd < 0 ? string.Empty : payload[(nodeEnd + 1)..];
        return true;
    }

    /// <summary>The grains and versions of a "w" body.</summary>
    public static IEnumerable<(GrainId Id, long Version)> ParseWrites(string body)
    {
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length == 3 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                yield return (new GrainId(fields[0], fields[1]), version);
            }
        }
    }
}
