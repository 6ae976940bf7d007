using System.Security.Cryptography;
using MakeTheChange.Hub.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub.Demo;

/// <summary><c>--demo</c>: an admin key kept between runs, the seeded catalog, and a banner saying how to reach the hub.</summary>
internal static class DemoMode
{
    public const string Flag = "--demo";

    private static string AdminKeyFile => Path.Combine(HubPaths.StateDirectory, "demo-admin-api-key");

    public static void Configure(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["Hub:AdminApiKey"]))
        {
            return;
        }

        builder.Configuration["Hub:AdminApiKey"] = LoadOrCreateAdminKey();
    }

    public static async Task SeedAndAnnounceAsync(WebApplication app, IReadOnlyList<HubModule> modules)
    {
        var seeded = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        var extras = new List<string>();
        foreach (var module in modules)
        {
            if (module.StartDemoAsync is { } startDemo)
            {
                extras.Add(await startDemo(app, app.Lifetime.ApplicationStopping));
            }
        }

        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? HubApplication.DefaultUrl;
        var key = app.Services.GetRequiredService<IOptions<HubOptions>>().Value.AdminApiKey;
        var database = app.Services.GetService<EmbeddedPostgresCluster>() is { } embedded
            ? $"embedded PostgreSQL in {embedded.DataDirectory} (port {embedded.Port})"
            : "the PostgreSQL server of ConnectionStrings:Hub";
        Console.WriteLine(
            $"""

            Make the CHANGE hub is running with the demo catalog.
              URL        {url}
              Admin key  {key}
              OpenAPI    {url}/openapi/v1.json
              Catalog    {seeded.Locations} locations, {seeded.Products} products, {seeded.Movements} stock movements applied now
              Database   {database}
            {string.Concat(extras.Select(extra => $"  {extra}{Environment.NewLine}"))}
              Try        curl -H "Authorization: Bearer {key}" {url}/api/stock/{DemoCatalog.HeroHoney}
                         curl -H "Authorization: Bearer {key}" {url}/api/locations

            Press Ctrl+C to stop.
            """);
    }

    private static string LoadOrCreateAdminKey()
    {
        if (File.Exists(AdminKeyFile))
        {
            return File.ReadAllText(AdminKeyFile).Trim();
        }

        Directory.CreateDirectory(HubPaths.StateDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(AdminKeyFile, key);
        }
        else
        {
            OwnerOnlyFile.Write(AdminKeyFile, key);
        }

        return key;
    }
}
