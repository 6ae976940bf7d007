using System.Collections.Concurrent;

namespace MakeTheChange.Connectors.Lightspeed.Api;

/// <summary>
/// Keeps the hub under a Lightspeed store's request budget (300 × registers + 50 per 5 minutes,
/// pos-apis.md §2.1) instead of discovering it through 429s: every request waits for a free slot in a
/// sliding window, and a 429's Retry-After (an HTTP date) holds every request to that store until then.
/// A sliding window that never holds more than the budget cannot exceed it in any fixed window either.
/// </summary>
/// <remarks>
/// Lightspeed counts a request when it arrives, which the hub does not know: only that it was between
/// sending and the answer. A slot is therefore taken when the request is sent and held until a window
/// after its answer, so network delays that differ from one request to the next cannot squeeze one
/// request too many into Lightspeed's window.
/// </remarks>
internal sealed class LightspeedRateGovernor(TimeProvider clock)
{
    private static readonly TimeSpan InFlightRecheck = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, Store> _stores = new(StringComparer.Ordinal);

    /// <summary>Waits for a free slot and takes it; give it back with <see cref="Answered"/> once the answer is in.</summary>
    public async Task<RequestSlot> WaitTurnAsync(string store, RateBudget budget, CancellationToken cancellationToken)
    {
        var state = _stores.GetOrAdd(store, static _ => new Store());
        while (true)
        {
            TimeSpan wait;
            lock (state.Gate)
            {
                var now = clock.GetUtcNow();
                state.Slots.RemoveAll(slot => slot.AnsweredAt <= now - budget.Window);
                if (now < state.HeldUntil)
                {
                    wait = state.HeldUntil - now;
                }
                else if (state.Slots.Count < budget.Requests)
                {
                    var slot = new RequestSlot(state.Gate);
                    state.Slots.Add(slot);
                    return slot;
                }
                else
                {
                    var firstFree = state.Slots.Where(slot => slot.AnsweredAt is not null).Min(slot => slot.AnsweredAt + budget.Window);
                    wait = firstFree is { } free ? free - now : InFlightRecheck;
                }
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, cancellationToken);
        }
    }

    /// <summary>The request's answer came (or it failed): its slot frees a window from now.</summary>
    public void Answered(RequestSlot slot)
    {
        lock (slot.Gate)
        {
            slot.AnsweredAt ??= clock.GetUtcNow();
        }
    }

    /// <summary>Lightspeed refused a request: no request to this store until <paramref name="until"/>.</summary>
    public void HoldUntil(string store, DateTimeOffset until)
    {
        var state = _stores.GetOrAdd(store, static _ => new Store());
        lock (state.Gate)
        {
            if (until > state.HeldUntil)
            {
                state.HeldUntil = until;
            }
        }
    }

    private sealed class Store
    {
        public Lock Gate { get; } = new();

        public List<RequestSlot> Slots { get; } = [];

        public DateTimeOffset HeldUntil { get; set; }
    }
}
