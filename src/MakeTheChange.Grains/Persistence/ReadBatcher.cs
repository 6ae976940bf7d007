using MakeTheChange.Grains.Diagnostics;

namespace MakeTheChange.Grains.Persistence;

/// <summary>
/// Loads the states of one grain type for activations. A read starts at once when fewer than
/// <c>maxConcurrentReads</c> are in flight; activations asking meanwhile wait for the next one and share
/// it: one round trip for all of them. A read alone costs what it did; many cold grains at once cost
/// a few set-based statements instead of a round trip each (docs/performance.md).
/// </summary>
internal sealed class ReadBatcher<TState>(IGrainStorage<TState> storage, GrainMetrics metrics, int maxKeysPerRead, int maxConcurrentReads)
    where TState : class, IGrainState<TState>
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingRead> _queued = new();
    private int _inFlight;

    public Task<TState> ReadAsync(string key)
    {
        var pending = new PendingRead(key);
        bool start;
        lock (_gate)
        {
            _queued.Enqueue(pending);
            start = _inFlight < maxConcurrentReads;
            if (start)
            {
                _inFlight++;
            }
        }

        if (start)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return pending.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<PendingRead>();
            lock (_gate)
            {
                while (batch.Count < maxKeysPerRead && _queued.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _inFlight--;
                    return;
                }
            }

            metrics.ActivationsReadTogether(batch.Count);
            await ReadBatchAsync(batch);
        }
    }

    private async Task ReadBatchAsync(List<PendingRead> batch)
    {
        try
        {
            var states = await storage.ReadAsync([.. batch.Select(read => read.Key)], CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(states[i]);
            }
        }
        catch (Exception exception) when (batch.Count > 1 && !ConnectionFailures.Is(exception))
        {
            // One key the storage cannot read must not fail the activations it happened to share a read with.
            foreach (var read in batch)
            {
                await ReadBatchAsync([read]);
            }
        }
        catch (Exception exception)
        {
            foreach (var read in batch)
            {
                read.Completion.TrySetException(exception);
            }
        }
    }

    private sealed class PendingRead(string key)
    {
        public string Key { get; } = key;

        // Continuations run on the thread pool, never inside this batcher's loop.
        public TaskCompletionSource<TState> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
