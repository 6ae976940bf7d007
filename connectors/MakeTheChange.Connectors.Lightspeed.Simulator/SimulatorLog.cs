using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator;

internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Lightspeed X-Series simulator listening on {Addresses} for store {DomainPrefix}; /api expects Authorization: Bearer {AccessToken}")]
    public static partial void Listening(ILogger logger, string addresses, string domainPrefix, string accessToken);
}
