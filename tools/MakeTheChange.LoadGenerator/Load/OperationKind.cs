namespace MakeTheChange.LoadGenerator.Load;

internal enum OperationKind
{
    Movement,
    Read,
    Reservation,
    Webhook,
}
