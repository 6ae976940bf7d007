using MakeTheChange.Hub.Demo;
using MakeTheChange.Hub.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakeTheChange.Hub;

/// <summary>Builds and runs the hub: on <c>ConnectionStrings:Hub</c>, or on its own embedded PostgreSQL when none is set.</summary>
public static class HubApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Commands are small JSON documents; a megabyte is generous and keeps abuse cheap.</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    public static async Task<WebApplication> CreateAsync(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        IReadOnlyList<HubModule>? modules = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        var connectionString = builder.Configuration.GetConnectionString("Hub");
        EmbeddedPostgresCluster? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            embedded = await StartEmbeddedDatabaseAsync(builder.Configuration, cancellationToken);
            connectionString = embedded.ConnectionString;
        }

        try
        {
            builder.Services.AddHub(builder.Configuration, connectionString, embedded);
            foreach (var module in modules ?? [])
            {
                module.AddServices(builder);
            }

            var app = builder.Build();
            app.MapHub();
            foreach (var module in modules ?? [])
            {
                module.MapEndpoints(app);
            }

            return app;
        }
        catch
        {
            if (embedded is not null)
            {
                await embedded.StopAsync(CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>Runs the hub until Ctrl+C; with <c>--demo</c>, seeds the demo catalog and prints how to reach it.</summary>
    public static async Task<int> RunAsync(string[] args, params HubModule[] modules)
    {
        var demo = args.Contains(DemoMode.Flag, StringComparer.Ordinal);
        var hubArgs = args.Where(arg => arg != DemoMode.Flag).ToArray();
        WebApplication? app = null;
        try
        {
            app = await CreateAsync(hubArgs, demo ? DemoMode.Configure : null, modules);
            await app.StartAsync();
            if (demo)
            {
                await DemoMode.SeedAndAnnounceAsync(app, modules);
            }

            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception exception) when (exception is EmbeddedPostgresException or OptionsValidationException or IOException)
        {
            await Console.Error.WriteLineAsync($"The hub could not start: {exception.Message}");
            return 1;
        }
        finally
        {
            if (app is not null)
            {
                // Stops the embedded database even when the hub failed half-way through its start.
                if (app.Services.GetService<EmbeddedPostgresCluster>() is { } embedded)
                {
                    await embedded.StopAsync(CancellationToken.None);
                }

                await app.DisposeAsync();
            }
        }
    }

    private static async Task<EmbeddedPostgresCluster> StartEmbeddedDatabaseAsync(ConfigurationManager configuration, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection("Hub:EmbeddedDatabase").Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            options.DataDirectory = HubPaths.EmbeddedDatabase;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        return await EmbeddedPostgresCluster.StartAsync(options, loggerFactory.CreateLogger<EmbeddedPostgresCluster>(), cancellationToken);
    }
}
