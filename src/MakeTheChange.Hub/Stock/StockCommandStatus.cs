namespace MakeTheChange.Hub.Stock;

public enum StockCommandStatus
{
    Applied,

    /// <summary>The same command was applied before; this is its answer again, and nothing changed.</summary>
    Repeated,
    UnknownSku,
    UnknownLocation,

    /// <summary>The id was used before with a different request.</summary>
    IdReused,

    /// <summary>The command would break a stock rule (on hand below zero, a lot's best-before...).</summary>
    Refused,
}
