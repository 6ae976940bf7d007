namespace MakeTheChange.Connectors.Lightspeed.Simulator.Faults;

/// <summary>How an /api request is answered before it reaches its endpoint, if at all.</summary>
internal enum ApiFault
{
    None = 0,
    Outage,
    Unauthorized,
    RateLimited,
    ServerError,
}
