namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>A simulator's webhook delivery log, counted: POSTs made, answered 2xx, refused, unanswered, and retries among them.</summary>
internal sealed record WebhookTally(long Attempts, long Delivered, long Refused, long Unanswered, long Retries)
{
    public static WebhookTally Of<TAttempt>(IReadOnlyList<TAttempt> log, Func<TAttempt, int?> status, Func<TAttempt, int> attempt)
    {
        var (delivered, refused, unanswered, retries) = (0L, 0L, 0L, 0L);
        foreach (var entry in log)
        {
            switch (status(entry))
            {
                case >= 200 and < 300: delivered++; break;
                case null: unanswered++; break;
                default: refused++; break;
            }

            if (attempt(entry) > 1)
            {
                retries++;
            }
        }

        return new WebhookTally(log.Count, delivered, refused, unanswered, retries);
    }
}
