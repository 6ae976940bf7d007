using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Simulation.Hosting;

/// <summary>
/// A vendor simulator's web app and the two ways it runs: standalone until Ctrl+C, or in-process on loopback
/// for tests and the hub's demo. The vendor supplies its services, its endpoints and its startup line;
/// building, listening and stopping are the same for every vendor.
/// </summary>
/// <typeparam name="TOptions">The vendor's options, read from configuration when run standalone.</typeparam>
public abstract class SimulatorApplication<TOptions>
    where TOptions : class, new()
{
    /// <summary>Where a standalone run listens without <c>--urls</c> or a configured port.</summary>
    protected abstract string DefaultUrl { get; }

    /// <summary>The configuration section a standalone run reads the options from.</summary>
    protected abstract string ConfigurationSection { get; }

    /// <summary>Runs the simulator standalone until Ctrl+C, on <c>--urls</c>, the configured port or <see cref="DefaultUrl"/>.</summary>
    public async Task<int> RunStandaloneAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // No appsettings.json of its own: it would be copied into the output of every project that references the simulator.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection(ConfigurationSection).Get<TOptions>() ?? new TOptions();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(PortOf(options) is { } port ? $"http://127.0.0.1:{port}" : DefaultUrl);
        }

        await using var app = Build(builder, options);
        await app.StartAsync();
        var addresses = string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        LogListening(app.Logger, addresses, options);
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Starts Kestrel on <c>http://127.0.0.1:{port, or a free one}</c> and returns the running app (see <see cref="SimulatorHost{TSimulator}"/>).</summary>
    public async Task<WebApplication> StartOnLoopbackAsync(TOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = GetType().Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, PortOf(options) ?? 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var started = Build(builder, options);
        try
        {
            await started.StartAsync(cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>The loopback port the options ask for; null picks a free one in-process, <see cref="DefaultUrl"/> standalone.</summary>
    protected abstract int? PortOf(TOptions options);

    /// <summary>Adds the vendor's simulator, its webhook delivery and whatever its endpoints need.</summary>
    protected abstract void ConfigureServices(IServiceCollection services, TOptions options);

    /// <summary>Maps the vendor's API subset and its <c>/simulator</c> control API.</summary>
    protected abstract void MapEndpoints(WebApplication app);

    /// <summary>Logs, once a standalone run listens, where and with which account or store.</summary>
    protected abstract void LogListening(ILogger logger, string addresses, TOptions options);

    private WebApplication Build(WebApplicationBuilder builder, TOptions options)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        ConfigureServices(builder.Services, options);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }
}
