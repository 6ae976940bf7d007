namespace MakeTheChange.LoadGenerator.Load;

/// <summary>How a scenario counts an answer.</summary>
internal enum Outcome
{
    /// <summary>Done as asked (a movement applied, a reservation held).</summary>
    Success,

    /// <summary>An expected no (a reservation finding no stock left).</summary>
    Refused,

    /// <summary>Anything else: a 5xx, an unexpected 4xx, a broken connection.</summary>
    Error,
}
