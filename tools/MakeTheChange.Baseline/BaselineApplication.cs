using System.Text.Json.Serialization;
using MakeTheChange.Baseline.Health;
using MakeTheChange.Baseline.Http;
using MakeTheChange.Baseline.Reservations;
using MakeTheChange.Baseline.Schema;
using MakeTheChange.Baseline.Security;
using MakeTheChange.Baseline.Stock;
using Microsoft.AspNetCore.Authentication;
using Npgsql;

namespace MakeTheChange.Baseline;

/// <summary>
/// The benchmark's baseline: the hub's HTTP shape over the simplest credible design, one PostgreSQL
/// transaction per request (a conditional <c>UPDATE ... RETURNING</c> and a ledger insert), with no
/// grains, no cache and no batching across requests.
/// </summary>
public static class BaselineApplication
{
    /// <summary>
    /// The app, not started: <c>ConnectionStrings:Baseline</c> and <c>Baseline:AdminApiKey</c> come from
    /// the environment or the arguments, the address from <c>--urls</c>.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        // appsettings.json sits next to the assembly, whatever folder the load generator starts us from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var connectionString = builder.Configuration.GetConnectionString("Baseline");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Baseline must be set (environment ConnectionStrings__Baseline).");
        }

        // The same limit as the hub: commands are small JSON documents.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

        var services = builder.Services;
        services.AddOptions<BaselineOptions>()
            .Bind(builder.Configuration.GetSection(BaselineOptions.Section))
            .Validate(options => options.AdminApiKey is { Length: >= 16 }, "Baseline:AdminApiKey must be set to a key of at least 16 characters (environment Baseline__AdminApiKey).")
            .ValidateOnStart();
        services.AddSingleton(provider => BaselineDataSource.Create(connectionString, provider.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<BaselineSchemaService>();
        services.AddSingleton<StockStore>();
        services.AddSingleton<ReservationStore>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            // As strict as the hub: a misspelt field or a number sent as a string is a 400, not ignored.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapStockEndpoints();
        api.MapReservationsEndpoints();
        return app;
    }
}
