namespace MakeTheChange.Grains.Activation;

/// <summary>Turns a grain interface and key into the grain's typed reference.</summary>
internal sealed class GrainFactory(IReadOnlyDictionary<Type, Func<string, object>> references) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return references.TryGetValue(typeof(TGrainInterface), out var create)
            ? (TGrainInterface)create(key)
            : throw new InvalidOperationException($"No grain is registered for {typeof(TGrainInterface).Name}.");
    }
}
