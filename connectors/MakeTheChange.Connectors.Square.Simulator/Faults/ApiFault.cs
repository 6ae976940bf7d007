namespace MakeTheChange.Connectors.Square.Simulator.Faults;

/// <summary>How a /v2 request is answered before it reaches its endpoint, if at all.</summary>
internal enum ApiFault
{
    None = 0,
    Outage,
    RateLimited,
    ServerError,
}
