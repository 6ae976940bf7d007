using MakeTheChange.Connectors.Lightspeed;
using MakeTheChange.Connectors.Lightspeed.Webhooks;
using MakeTheChange.Connectors.Square;
using MakeTheChange.Connectors.Square.Webhooks;
using MakeTheChange.Hub.Host.Demo;

namespace MakeTheChange.Hub.Host;

/// <summary>What this executable plugs into the hub: the POS connectors, and their part of the demo.</summary>
public static class InstalledModules
{
    public static readonly HubModule Square = new(
        "square",
        builder => builder.Services.AddSquareConnector(builder.Configuration),
        app => app.MapSquareWebhooks(),
        SquareTillsDemo.StartAsync);

    public static readonly HubModule Lightspeed = new(
        "lightspeed-x",
        builder => builder.Services.AddLightspeedConnector(builder.Configuration),
        app => app.MapLightspeedWebhooks(),
        LightspeedTillsDemo.StartAsync);

    public static IReadOnlyList<HubModule> All { get; } = [Square, Lightspeed];
}
