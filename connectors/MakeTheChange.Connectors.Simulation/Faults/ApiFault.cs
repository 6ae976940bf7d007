namespace MakeTheChange.Connectors.Simulation.Faults;

/// <summary>How a request to a simulated vendor API is answered before it reaches its endpoint, if at all.</summary>
public enum ApiFault
{
    None = 0,
    Outage,
    Unauthorized,
    RateLimited,
    ServerError,
}
