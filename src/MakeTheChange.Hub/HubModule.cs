using Microsoft.AspNetCore.Builder;

namespace MakeTheChange.Hub;

/// <summary>
/// A part the executable plugs into the hub (a POS connector, for instance): its services, its
/// endpoints, and what it adds to <c>--demo</c> once the demo catalog is in.
/// </summary>
public sealed record HubModule(
    string Name,
    Action<WebApplicationBuilder> AddServices,
    Action<WebApplication> MapEndpoints,
    Func<WebApplication, CancellationToken, Task<string>>? StartDemoAsync = null);
