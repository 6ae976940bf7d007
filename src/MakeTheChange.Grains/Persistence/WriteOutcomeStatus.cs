namespace MakeTheChange.Grains.Persistence;

internal enum WriteOutcomeStatus
{
    Committed,
    Conflict,
    NotStored,
    Unknown,
}
