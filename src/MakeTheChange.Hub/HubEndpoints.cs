using MakeTheChange.Hub.Alerts;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Health;
using MakeTheChange.Hub.Http;
using MakeTheChange.Hub.Locations;
using MakeTheChange.Hub.Products;
using MakeTheChange.Hub.Reservations;
using MakeTheChange.Hub.Security;
using MakeTheChange.Hub.Stock;
using MakeTheChange.Hub.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Hub;

public static class HubEndpoints
{
    /// <summary>The middleware and every endpoint of api.md; <c>/api</c> needs the admin key.</summary>
    public static WebApplication MapHub(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();

        var api = app.MapGroup("/api")
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapLocationsEndpoints();
        api.MapProductsEndpoints();
        api.MapStockEndpoints();
        api.MapReservationsEndpoints();
        api.MapAlertsEndpoints();
        api.MapConnectionsEndpoints();
        api.MapMetricsEndpoints();
        return app;
    }
}
