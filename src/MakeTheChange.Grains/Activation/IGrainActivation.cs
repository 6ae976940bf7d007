namespace MakeTheChange.Grains.Activation;

/// <summary>What the catalog, the collector and cluster signals need of an activation, whatever its type.</summary>
internal interface IGrainActivation
{
    GrainId Id { get; }

    /// <summary><see cref="Environment.TickCount64"/> at the last call.</summary>
    long LastUsed { get; }

    /// <summary>Stops the activation if it has nothing queued or running; a later call makes a new one.</summary>
    bool TryDeactivate();

    /// <summary>Another node stored <paramref name="version"/>: reload before the next call if behind.</summary>
    void Invalidate(long version);

    /// <summary>Reload before the next call, whatever the version.</summary>
    void RequestReload();
}
