namespace MakeTheChange.Hub.Tests.Connectors;

public enum WebhookBehaviour
{
    Normal,
    DuplicatedAndReordered,
    Off,
}
