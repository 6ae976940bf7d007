using System.Collections.Immutable;
using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Tests.Grains;

/// <summary>The state of the runtime's test grain: a value, and the ids of the calls that changed it, in order.</summary>
internal sealed record CounterState(string CounterId) : IGrainState<CounterState>
{
    public long Version { get; init; }

    public long Value { get; init; }

    public long CallCount { get; init; }

    public ImmutableList<string> UnsavedCalls { get; init; } = [];

    public CounterState Persisted(long version) => this with { Version = version, UnsavedCalls = [] };

    public CounterState Record(string callId, long amount) => this with
    {
        Value = Value + amount,
        CallCount = CallCount + 1,
        UnsavedCalls = UnsavedCalls.Add(callId),
    };
}
