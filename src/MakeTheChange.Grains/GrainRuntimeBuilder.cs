using MakeTheChange.Grains.Activation;
using MakeTheChange.Grains.Outbox;
using MakeTheChange.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Grains;

/// <summary>Registers grain types and outbox handlers with the runtime.</summary>
public sealed class GrainRuntimeBuilder
{
    private readonly GrainTypeRegistry _types;

    internal GrainRuntimeBuilder(IServiceCollection services, GrainTypeRegistry types)
    {
        Services = services;
        _types = types;
    }

    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a grain type under <paramref name="name"/> (stored with its reminders and sent to
    /// other nodes, so it must not change once data exists).
    /// </summary>
    public GrainRuntimeBuilder AddGrain<TInterface, TGrain, TState>(
        string name,
        Func<GrainReference<TGrain, TState>, TInterface> reference,
        Func<IServiceProvider, IGrainStorage<TState>> storage)
        where TInterface : class
        where TGrain : Grain<TState>
        where TState : class, IGrainState<TState>
    {
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '|'))
        {
            throw new ArgumentException("A grain type name is a non-empty word without '|'.", nameof(name));
        }

        _types.Add(new GrainType<TGrain, TState>(name, storage), reference);
        return this;
    }

    public GrainRuntimeBuilder AddOutboxHandler<THandler>() where THandler : class, IOutboxHandler
    {
        Services.AddSingleton<IOutboxHandler, THandler>();
        return this;
    }
}
