using MakeTheChange.Connectors.Simulation;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Faults;
using MakeTheChange.Connectors.Square.Simulator.Inventory;
using MakeTheChange.Connectors.Square.Simulator.Tills;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static MakeTheChange.Connectors.Simulation.Control.ControlResults;

namespace MakeTheChange.Connectors.Square.Simulator.Control;

/// <summary>
/// The control API under <c>/simulator</c> (no auth, camelCase JSON): the simulated tills, the
/// back office, faults and webhooks. Each endpoint calls the <see cref="SquareSimulator"/> method of the same purpose.
/// </summary>
internal static class SimulatorControlEndpoints
{
    public static RouteGroupBuilder MapSimulatorControl(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup("/simulator");
        control.MapPut("/locations/{locationId}", (string locationId, LocationBody? body, SquareSimulator simulator) =>
            Run(() =>
            {
                simulator.UpsertLocation(locationId, body?.Name ?? string.Empty);
                return TypedResults.NoContent();
            }));
        control.MapPut("/catalog/variations/{variationId}", (string variationId, VariationUpsert variation, SquareSimulator simulator) =>
            Run(() =>
            {
                simulator.UpsertVariation(variationId, variation);
                return TypedResults.NoContent();
            }));
        control.MapPut("/inventory/{variationId}/{locationId}", (string variationId, string locationId, QuantityBody? body, SquareSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.SetInventoryCount(variationId, locationId, RequireQuantity(body)))));
        control.MapGet("/inventory/{variationId}/{locationId}", (string variationId, string locationId, SquareSimulator simulator) =>
            simulator.GetInventoryCount(variationId, locationId) is { } level
                ? TypedResults.Ok(level)
                : Problem(StatusCodes.Status404NotFound, $"No IN_STOCK count for {variationId} at {locationId}."));
        control.MapPost("/inventory/{variationId}/{locationId}/drift", (string variationId, string locationId, QuantityBody? body, SquareSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.InjectInventoryDrift(variationId, locationId, RequireQuantity(body)))));
        control.MapPost("/locations/{locationId}/sales", (string locationId, TillSale sale, SquareSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.RecordSale(locationId, sale))));
        control.MapPost("/locations/{locationId}/returns", (string locationId, TillReturn tillReturn, SquareSimulator simulator) =>
            Run(() => TypedResults.Ok(simulator.RecordReturn(locationId, tillReturn))));
        MapFaults(control);
        MapWebhooks(control);
        control.MapPost("/reset", (SquareSimulator simulator) =>
        {
            simulator.Reset();
            return TypedResults.NoContent();
        });
        return control;
    }

    private static void MapFaults(RouteGroupBuilder control)
    {
        control.MapPut("/faults", (SimulatorFaults faults, SquareSimulator simulator) =>
            Run(() =>
            {
                simulator.SetFaults(faults);
                return TypedResults.Ok(faults);
            }));
        control.MapDelete("/faults", (SquareSimulator simulator) =>
        {
            simulator.ClearFaults();
            return TypedResults.NoContent();
        });
        control.MapGet("/stats", (SquareSimulator simulator) => TypedResults.Ok(simulator.GetStats()));
    }

    private static void MapWebhooks(RouteGroupBuilder control)
    {
        control.MapPut("/webhooks", (WebhookSettings settings, SquareSimulator simulator) =>
            Run(() =>
            {
                simulator.ConfigureWebhooks(settings);
                return TypedResults.NoContent();
            }));
        control.MapGet("/webhooks/deliveries", (SquareSimulator simulator) => TypedResults.Ok(simulator.GetWebhookDeliveries()));
        control.MapPost("/webhooks/send", (RawWebhook webhook, SquareSimulator simulator, CancellationToken cancellationToken) =>
            RunAsync(async () => TypedResults.Ok(await simulator.SendRawWebhookAsync(webhook, cancellationToken))));
    }

    private static decimal RequireQuantity(QuantityBody? body) =>
        body?.Quantity ?? throw SimulatorRequestException.Invalid("quantity is required.");
}
