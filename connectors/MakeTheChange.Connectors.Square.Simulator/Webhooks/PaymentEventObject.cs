using MakeTheChange.Connectors.Square.Simulator.Payments;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary><c>data.object</c> of payment.created / payment.updated.</summary>
internal sealed record PaymentEventObject(Payment Payment);
