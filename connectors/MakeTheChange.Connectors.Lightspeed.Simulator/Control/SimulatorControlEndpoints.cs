using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Connectors.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static MakeTheChange.Connectors.Simulation.Control.ControlResults;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Control;

/// <summary>
/// The control API under <c>/simulator</c> (no auth, camelCase JSON): the simulated tills, the back
/// office, faults, the rate limit and webhooks. Each endpoint calls the <see cref="LightspeedSimulator"/>
/// method of the same purpose.
/// </summary>
internal static class SimulatorControlEndpoints
{
    public static RouteGroupBuilder MapSimulatorControl(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/simulator");
        control.MapPut("/outlets/{outletId}", (string outletId, NameBody? body, LightspeedSimulator simulator) =>
            Run(() =>
            {
                simulator.UpsertOutlet(outletId, body?.Name ?? string.Empty);
                return TypedResults.NoContent();
            }));
        control.MapPut("/products/{productId}", (string productId, ProductUpsert product, LightspeedSimulator simulator) =>
            Run(() =>
            {
                simulator.UpsertProduct(productId, product);
                return TypedResults.NoContent();
            }));
        MapInventory(control);
        control.MapPost("/outlets/{outletId}/sales", (string outletId, TillSale sale, LightspeedSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.RecordSale(outletId, sale))));
        control.MapPost("/sales/{saleId}/void", (string saleId, LightspeedSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.VoidSale(saleId))));
        MapFaults(control);
        MapWebhooks(control);
        control.MapPost("/reset", (LightspeedSimulator simulator) =>
        {
            simulator.Reset();
            return TypedResults.NoContent();
        });
        return control;
    }

    private static void MapInventory(RouteGroupBuilder control)
    {
        control.MapPut("/inventory/{productId}/{outletId}", (string productId, string outletId, AmountBody? body, LightspeedSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.SetInventory(productId, outletId, RequireAmount(body)))));
        control.MapGet("/inventory/{productId}/{outletId}", (string productId, string outletId, LightspeedSimulator simulator) =>
            simulator.GetInventory(productId, outletId) is { } level
                ? TypedResults.Ok(level)
                : Problem(StatusCodes.Status404NotFound, $"No inventory record for product {productId} at outlet {outletId}."));
        control.MapPost("/inventory/{productId}/{outletId}/drift", (string productId, string outletId, AmountBody? body, LightspeedSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.InjectInventoryDrift(productId, outletId, RequireAmount(body)))));
    }

    private static void MapFaults(RouteGroupBuilder control)
    {
        control.MapPut("/faults", (SimulatorFaults faults, LightspeedSimulator simulator) =>
            Run(() =>
            {
                simulator.SetFaults(faults);
                return TypedResults.Ok(faults);
            }));
        control.MapDelete("/faults", (LightspeedSimulator simulator) =>
        {
            simulator.ClearFaults();
            return TypedResults.NoContent();
        });
        control.MapGet("/stats", (LightspeedSimulator simulator) => TypedResults.Ok(simulator.GetStats()));
        control.MapPut("/ratelimit", (RateLimitSettings settings, LightspeedSimulator simulator) =>
            Run(() =>
            {
                simulator.SetRateLimit(settings);
                return TypedResults.Ok(simulator.GetRateLimit());
            }));
        control.MapDelete("/ratelimit", (LightspeedSimulator simulator) =>
        {
            simulator.ResetRateLimit();
            return TypedResults.Ok(simulator.GetRateLimit());
        });
        control.MapGet("/ratelimit", (LightspeedSimulator simulator) => TypedResults.Ok(simulator.GetRateLimit()));
    }

    private static void MapWebhooks(RouteGroupBuilder control)
    {
        control.MapPut("/webhooks", (WebhookSettings settings, LightspeedSimulator simulator) =>
            Run(() =>
            {
                simulator.ConfigureWebhooks(settings);
                return TypedResults.NoContent();
            }));
        control.MapGet("/webhooks/deliveries", (LightspeedSimulator simulator) => TypedResults.Ok(simulator.GetWebhookDeliveries()));
        control.MapPost("/webhooks/send", (RawWebhookBody body, LightspeedSimulator simulator, CancellationToken cancellationToken) =>
            RunAsync(async () =>
            {
                var webhook = new RawWebhook { Type = body.Type ?? string.Empty, Payload = body.PayloadText, BadSignature = body.BadSignature };
                return TypedResults.Ok(await simulator.SendRawWebhookAsync(webhook, cancellationToken));
            }));
    }

    private static decimal RequireAmount(AmountBody? body) =>
        body?.Amount ?? throw SimulatorRequestException.Invalid("amount is required.");
}
