namespace MakeTheChange.Grains.Activation;

internal enum GrainCallKind
{
    /// <summary>Synchronous; persisted together with the calls queued around it.</summary>
    Batched,

    /// <summary>Asynchronous; runs alone and commits its own changes.</summary>
    Exclusive,

    /// <summary>Synchronous; its change joins a grain transaction and the grain waits for that to end.</summary>
    Transactional,
}
