namespace MakeTheChange.Grains.Activation;

/// <summary>A registered grain type, as the reminder sweep sees it.</summary>
internal interface IGrainType
{
    string Name { get; }

    void Bind(GrainRuntime runtime);

    Task DeliverReminderAsync(string key, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
