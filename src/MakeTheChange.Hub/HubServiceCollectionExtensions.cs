using System.Text.Json.Serialization;
using MakeTheChange.Grains;
using MakeTheChange.Hub.Alerts;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Http;
using MakeTheChange.Hub.Locations;
using MakeTheChange.Hub.Products;
using MakeTheChange.Hub.Reservations;
using MakeTheChange.Hub.Security;
using MakeTheChange.Hub.Stock;
using MakeTheChange.Hub.Storage;
using MakeTheChange.Hub.Storage.Embedded;
using MakeTheChange.Hub.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakeTheChange.Hub;

public static class HubServiceCollectionExtensions
{
    /// <summary>
    /// Everything the hub runs: storage, the grain runtime and its grains, the HTTP API's plumbing.
    /// Background services start in registration order and stop in reverse: the embedded database
    /// (if any) stops last, after the grain runtime stored every write it took.
    /// </summary>
    public static IServiceCollection AddHub(
        this IServiceCollection services,
        IConfiguration configuration,
        string connectionString,
        EmbeddedPostgresCluster? embeddedDatabase)
    {
        if (embeddedDatabase is not null)
        {
            services.AddSingleton(embeddedDatabase);
            services.AddHostedService<EmbeddedDatabaseLifetime>();
        }

        services.AddHubTelemetry(configuration);
        services.AddOptions<HubOptions>()
            .Bind(configuration.GetSection(HubOptions.Section))
            .Validate(options => options.AdminApiKey is { Length: >= 16 }, "Hub:AdminApiKey must be set to a key of at least 16 characters (environment Hub__AdminApiKey).")
            .ValidateOnStart();
        services.AddOptions<GrainRuntimeOptions>().Bind(configuration.GetSection("Hub:Grains"));
        services.AddOptions<ReservationOptions>().Bind(configuration.GetSection("Hub:Reservations"));

        services.AddSingleton(provider => HubDataSource.Create(connectionString, provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<DatabaseMigrationService>();

        services.AddGrainRuntime()
            .AddGrain<IStockGrain, StockGrain, StockState>(
                StockGrain.TypeName,
                reference => new StockGrainReference(reference),
                provider => provider.GetRequiredService<StockStorage>())
            .AddGrain<IReservationGrain, ReservationGrain, ReservationState>(
                ReservationGrain.TypeName,
                reference => new ReservationGrainReference(reference),
                provider => new ReservationStorage(provider.GetRequiredService<NpgsqlDataSource>()))
            .AddOutboxHandler<HoldsAtRiskAlerts>()
            .AddPosConnections(configuration);
        services.AddSingleton<StockStorage>();
        services.AddSingleton<StockQueries>();
        services.AddSingleton<LocationCatalog>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<AlertBook>();
        services.AddSingleton<Demo.DemoSeeder>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            // Typos in field names and numbers sent as strings are errors, not silently ignored or coerced.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new Rfc3339UtcConverter());
            options.SerializerOptions.Converters.Add(new IsoDateConverter());
        });
        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.AdminPolicy, policy => policy.RequireRole(ApiKeyAuthentication.AdminRole));
        services.AddOpenApi();

        // API keys need no cookie or token protection; an in-memory key ring avoids persisting keys nobody uses.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return services;
    }
}
