using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace MakeTheChange.Hub.Tests.LoadGenerator;

/// <summary>
/// ASP.NET Core starts an <see cref="System.Diagnostics.Activity"/> for every request whose hosting
/// diagnostics logger is enabled at any level, to correlate its log lines (HostingApplicationDiagnostics):
/// allocations and an async-local write per request that nothing reads unless traces are exported.
/// </summary>
public sealed class ServerLoggingSettingsTests
{
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Theory]
    [InlineData("hub")]
    [InlineData("baseline")]
    public void A_server_run_as_the_load_generator_runs_it_logs_nothing_from_hosting_diagnostics_and_still_logs_server_errors(string server)
    {
        using var loggers = LoggersOf(server, ("Logging:LogLevel:Default", "Warning"));

        loggers.CreateLogger(HostingDiagnostics).IsEnabled(LogLevel.Critical).ShouldBeFalse();
        loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Error).ShouldBeTrue();
    }

    [Fact]
    public void The_hub_run_as_it_ships_logs_nothing_from_hosting_diagnostics_and_its_own_information()
    {
        using var loggers = LoggersOf("hub");

        loggers.CreateLogger(HostingDiagnostics).IsEnabled(LogLevel.Critical).ShouldBeFalse();
        loggers.CreateLogger("MakeTheChange.Hub.Connections.PushWorker").IsEnabled(LogLevel.Information).ShouldBeTrue();
    }

    /// <summary>The loggers a server gets from its appsettings.json (copied beside the tests) and these overrides.</summary>
    private static ILoggerFactory LoggersOf(string server, params (string Key, string Value)[] overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "servers", $"{server}.appsettings.json"), optional: false)
            .AddInMemoryCollection(overrides.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
        return LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(new EveryLevelProvider()));
    }

    /// <summary>A provider whose loggers take every level, so that only the configured filters decide.</summary>
    private sealed class EveryLevelProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new EveryLevelLogger();

        public void Dispose()
        {
        }

        private sealed class EveryLevelLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
