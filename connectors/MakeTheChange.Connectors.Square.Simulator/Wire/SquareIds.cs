using System.Security.Cryptography;

namespace MakeTheChange.Connectors.Square.Simulator.Wire;

/// <summary>Ids shaped like Square's: opaque strings of letters and digits, never sequential.</summary>
internal static class SquareIds
{
    private const string UpperCase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string MixedCase = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewInventoryChangeId() => RandomNumberGenerator.GetString(UpperCase, 24);

    public static string NewOrderId() => RandomNumberGenerator.GetString(MixedCase, 27);

    public static string NewPaymentId() => RandomNumberGenerator.GetString(MixedCase, 29);

    /// <summary>A refund id; Square builds it from the payment id when there is one.</summary>
    public static string NewRefundId(string? paymentId) =>
        paymentId is null
            ? RandomNumberGenerator.GetString(MixedCase, 29)
            : $"{paymentId}_{RandomNumberGenerator.GetString(MixedCase, 40)}";

    public static string NewLineUid() => RandomNumberGenerator.GetString(MixedCase, 22);
}
