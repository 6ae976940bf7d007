using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

using MakeTheChange.Hub.Storage.Embedded;

namespace MakeTheChange.Hub.Tests.Storage.Embedded;

/// <summary>Keeps every formatted log line so tests can check what was, and was not, logged.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
