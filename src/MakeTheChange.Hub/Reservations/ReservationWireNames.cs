namespace MakeTheChange.Hub.Reservations;

/// <summary>The wire names of reservation statuses and channels.</summary>
public static class ReservationWireNames
{
    public const string Channels = "click-and-collect, online, b2b";

    public static string ToWire(this ReservationStatus status) => status switch
    {
        ReservationStatus.Held => "held",
        ReservationStatus.Fulfilled => "fulfilled",
        ReservationStatus.Released => "released",
        ReservationStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ReservationStatus StatusFromWire(string text) => text switch
    {
        "held" => ReservationStatus.Held,
        "fulfilled" => ReservationStatus.Fulfilled,
        "released" => ReservationStatus.Released,
        "expired" => ReservationStatus.Expired,
        _ => throw new FormatException($"Unknown reservation status '{text}'."),
    };

    public static string ToWire(this ReservationChannel channel) => channel switch
    {
        ReservationChannel.ClickAndCollect => "click-and-collect",
        ReservationChannel.Online => "online",
        ReservationChannel.B2b => "b2b",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static ReservationChannel ChannelFromWire(string text) =>
        TryParseChannel(text, out var channel) ? channel : throw new FormatException($"Unknown reservation channel '{text}'.");

    public static bool TryParseChannel(string? text, out ReservationChannel channel)
    {
        (var known, channel) = text switch
        {
            "click-and-collect" => (true, ReservationChannel.ClickAndCollect),
            "online" => (true, ReservationChannel.Online),
            "b2b" => (true, ReservationChannel.B2b),
            _ => (false, default),
        };
        return known;
    }
}
