namespace MakeTheChange.Hub.Reservations;

/// <summary>How long reservations hold stock when the caller does not say (section <c>Hub:Reservations</c>).</summary>
public sealed class ReservationOptions
{
    /// <summary>A click &amp; collect customer gets two days to come to the store.</summary>
    public TimeSpan ClickAndCollectTtl { get; set; } = TimeSpan.FromDays(2);

    /// <summary>An online checkout holds its cart while the customer pays.</summary>
    public TimeSpan OnlineTtl { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan B2bTtl { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan DefaultTtl(ReservationChannel channel) => channel switch
    {
        ReservationChannel.ClickAndCollect => ClickAndCollectTtl,
        ReservationChannel.B2b => B2bTtl,
        _ => OnlineTtl,
    };
}
