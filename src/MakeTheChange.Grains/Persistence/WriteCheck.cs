namespace MakeTheChange.Grains.Persistence;

public enum WriteCheck
{
    Pending,
    Confirmed,
    Stale,
    Rejected,
}
