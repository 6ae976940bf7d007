using System.Text.Json;
using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Grains.Activation;

/// <summary>What a grain sees of the activation that runs it.</summary>
internal interface IGrainActivationContext<TState> where TState : class, IGrainState<TState>
{
    GrainId Id { get; }

    TimeProvider Clock { get; }

    IGrainFactory GrainFactory { get; }

    JsonSerializerOptions JsonOptions { get; }

    GrainTransaction BeginTransaction();

    Task CommitAsync(GrainCallContext<TState> call, GrainTransaction transaction);
}
