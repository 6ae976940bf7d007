using System.Text;

namespace MakeTheChange.Hub.Tests.Telemetry;

/// <summary>One OTLP/HTTP export as the collector received it.</summary>
internal sealed record OtlpExportRequest(string Signal, string? ContentType, byte[] Body)
{
    /// <summary>Protobuf writes strings as raw UTF-8, so a metric or scope name shows in the body as it is.</summary>
    public bool Mentions(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
