namespace MakeTheChange.Grains.Reminders;

/// <summary>A grain's next due date, set or cleared; written with the grain's state.</summary>
public sealed record ReminderChange(DateTimeOffset? DueAt)
{
    public static readonly ReminderChange Cleared = new((DateTimeOffset?)null);
}
