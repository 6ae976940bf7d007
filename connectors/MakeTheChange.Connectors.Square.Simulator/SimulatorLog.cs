using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Simulator;

internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Square simulator listening on {Addresses} for merchant {MerchantId}; /v2 expects Authorization: Bearer {AccessToken}")]
    public static partial void Listening(ILogger logger, string addresses, string merchantId, string accessToken);
}
