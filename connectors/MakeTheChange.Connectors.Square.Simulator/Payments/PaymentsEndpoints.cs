using MakeTheChange.Connectors.Square.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Square.Simulator.Payments;

/// <summary><c>GET /v2/payments/{payment_id}</c> and <c>GET /v2/refunds/{refund_id}</c>.</summary>
internal static class PaymentsEndpoints
{
    public static void MapPaymentsEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapGet("/payments/{payment_id}", RetrievePayment);
        v2.MapGet("/refunds/{refund_id}", RetrieveRefund);
    }

    private static IResult RetrievePayment([FromRoute(Name = "payment_id")] string paymentId, SquareSimulator simulator) =>
        simulator.Run(state => state.Payments.GetValueOrDefault(paymentId)) is { } payment
            ? SquareResults.Ok(new RetrievePaymentResponse(payment))
            : SquareResults.NotFound($"Payment `{paymentId}` not found.");

    private static IResult RetrieveRefund([FromRoute(Name = "refund_id")] string refundId, SquareSimulator simulator) =>
        simulator.Run(state => state.Refunds.GetValueOrDefault(refundId)) is { } refund
            ? SquareResults.Ok(new RetrieveRefundResponse(refund))
            : SquareResults.NotFound($"Refund `{refundId}` not found.");
}
