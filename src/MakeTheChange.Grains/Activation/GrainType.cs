using MakeTheChange.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Grains.Activation;

/// <summary>How to make, store and reach the grains of one type.</summary>
internal sealed class GrainType<TGrain, TState>(string name, Func<IServiceProvider, IGrainStorage<TState>> storage) : IGrainType
    where TGrain : Grain<TState>
    where TState : class, IGrainState<TState>
{
    private readonly ObjectFactory<TGrain> _createGrain = ActivatorUtilities.CreateFactory<TGrain>([]);
    private GrainRuntime? _runtime;
    private IGrainStorage<TState>? _storage;
    private ReadBatcher<TState>? _reader;

    public string Name { get; } = name;

    public IGrainStorage<TState> Storage => _storage ?? throw new InvalidOperationException($"Grain type {Name} is not bound to a runtime.");

    /// <summary>Where activations load their state, together with the activations that start beside them.</summary>
    public ReadBatcher<TState> Reader => _reader ?? throw new InvalidOperationException($"Grain type {Name} is not bound to a runtime.");

    private GrainRuntime Runtime => _runtime ?? throw new InvalidOperationException($"Grain type {Name} is not bound to a runtime.");

    public void Bind(GrainRuntime runtime)
    {
        _runtime = runtime;
        _storage = storage(runtime.Services);
        _reader = new ReadBatcher<TState>(_storage, runtime.Metrics, runtime.Options.MaxKeysPerRead, runtime.Options.MaxConcurrentReads);
    }

    public TGrain CreateGrain(IServiceProvider services) => _createGrain(services, null);

    public GrainActivation<TGrain, TState> GetActivation(string key) =>
        Runtime.Catalog.GetOrAdd(new GrainId(Name, key), id => new GrainActivation<TGrain, TState>(this, id, Runtime));

    public Task<TResult> Enqueue<TResult>(string key, SynchronousGrainCall<TGrain, TResult> call)
    {
        Enqueue(key, (GrainCall<TGrain>)call);
        return call.Task;
    }

    public Task<TResult> Enqueue<TResult>(string key, AsynchronousGrainCall<TGrain, TResult> call)
    {
        Enqueue(key, (GrainCall<TGrain>)call);
        return call.Task;
    }

    public async Task<TResult> ReadAsync<TResult>(string key, Func<TState, TResult> read, CancellationToken cancellationToken)
    {
        var activation = GetActivation(key);
        activation.Touch();
        return read(await activation.GetCurrentStateAsync(cancellationToken));
    }

    public Task DeliverReminderAsync(string key, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        Enqueue(key, new AsynchronousGrainCall<TGrain, bool>(
            async grain =>
            {
                await grain.ReceiveReminderAsync(dueAt);
                return true;
            },
            cancellationToken));

    private void Enqueue(string key, GrainCall<TGrain> call)
    {
        // An activation collected between the lookup and the enqueue refuses the call; the next lookup makes a new one.
        while (!GetActivation(key).TryEnqueue(call))
        {
        }
    }
}
