namespace MakeTheChange.Hub.Stock;

public enum HoldStatus
{
    Held,
    Insufficient,
    UnknownSku,
    UnknownLocation,
}
