namespace MakeTheChange.Grains.Activation;

/// <summary>The grain types registered with the runtime, by name and by interface.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, IGrainType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Func<string, object>> _references = [];

    public IReadOnlyDictionary<Type, Func<string, object>> References => _references;

    public void Add<TInterface, TGrain, TState>(GrainType<TGrain, TState> type, Func<GrainReference<TGrain, TState>, TInterface> reference)
        where TInterface : class
        where TGrain : Grain<TState>
        where TState : class, IGrainState<TState>
    {
        if (!_types.TryAdd(type.Name, type))
        {
            throw new InvalidOperationException($"A grain type named {type.Name} is already registered.");
        }

        _references[typeof(TInterface)] = key => reference(new GrainReference<TGrain, TState>(type, key));
    }

    public void Bind(GrainRuntime runtime)
    {
        foreach (var type in _types.Values)
        {
            type.Bind(runtime);
        }
    }

    public IGrainType? Find(string name) => _types.GetValueOrDefault(name);
}
