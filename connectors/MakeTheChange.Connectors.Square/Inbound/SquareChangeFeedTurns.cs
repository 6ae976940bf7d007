using System.Collections.Concurrent;
using MakeTheChange.Hub.Connections;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Connectors.Square.Inbound;

/// <summary>
/// When webhooks may make the connector read a connection's change feed (at most once per
/// <see cref="SquareConnectorOptions.ChangeFeedReadInterval"/>), and which stock notices a read already
/// covered. A read covers every notice this node had taken from the inbox when it started: Square
/// recorded the change before it sent the notice. So a notice deferred to the next turn is not read for
/// again once another read has passed it. Kept in memory per node; after a restart, notices are
/// simply looked at again. Thread-safe.
/// </summary>
internal sealed class SquareChangeFeedTurns(IOptions<SquareConnectorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Turns> _connections = new(StringComparer.Ordinal);

    public Turns For(string connectionId) =>
        _connections.GetOrAdd(connectionId, _ => new Turns(new ReadPace(1 / options.Value.ChangeFeedReadInterval.TotalSeconds, 1, clock)));

    /// <summary>One connection's turns and the notices its reads covered, by inbox event id.</summary>
    internal sealed class Turns(ReadPace pace)
    {
        private readonly Lock _gate = new();
        private long _seen;
        private long _covered;

        public ReadPace Pace => pace;

        /// <summary>Notes that these notices were taken from the inbox; returns those no read has covered yet.</summary>
        public List<T> Uncovered<T>(IReadOnlyList<T> notices, Func<T, long> eventId)
        {
            lock (_gate)
            {
                _seen = Math.Max(_seen, notices.Max(eventId));
                var covered = _covered;
                return notices.Where(notice => eventId(notice) > covered).ToList();
            }
        }

        /// <summary>What a read starting now covers: every notice seen so far. Pass it to <see cref="Covered"/> once the read is done.</summary>
        public long Starting()
        {
            lock (_gate)
            {
                return _seen;
            }
        }

        public void Covered(long upTo)
        {
            lock (_gate)
            {
                _covered = Math.Max(_covered, upTo);
            }
        }
    }
}
